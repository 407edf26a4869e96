// Chinese in text written at run time on a page in another language (a field's message quoting
// the "2亿" a reader typed, the spoken summary of a result) is marked lang="zh" by the rule that
// marks results and static pages (calculators/page/markup.py, mark_chinese): every run of Han
// characters, CJK punctuation (“【】”) and full-width forms. Screen readers then read it in Chinese.

const CHINESE_RUN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

export function isChinese(lang) {
  return lang === "zh" || Boolean(lang?.startsWith("zh-"));
}

/** What goes between two sentences: nothing after Chinese "。", a space in English. */
export function sentenceGap(lang) {
  return isChinese(lang) ? "" : " ";
}

/** ``text`` cut into [piece, isChineseRun] pairs; on a Chinese page, one piece left as it is. */
export function chineseRuns(text, lang) {
  if (isChinese(lang)) return text ? [[text, false]] : [];
  const pieces = [];
  let last = 0;
  for (const run of text.matchAll(CHINESE_RUN)) {
    if (run.index > last) pieces.push([text.slice(last, run.index), false]);
    pieces.push([run[0], true]);
    last = run.index + run[0].length;
  }
  if (last < text.length) pieces.push([text.slice(last), false]);
  return pieces;
}

/** Append ``text`` to ``element``, each Chinese run in a <span lang="zh"> on a non-Chinese page. */
export function appendMarked(element, text, lang) {
  for (const [piece, chinese] of chineseRuns(text, lang)) {
    if (!chinese) {
      element.append(piece);
      continue;
    }
    const span = element.ownerDocument.createElement("span");
    span.lang = "zh";
    span.textContent = piece;
    element.append(span);
  }
}
