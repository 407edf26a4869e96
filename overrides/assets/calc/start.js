// Loaded early and asynchronously from the page's <head>: starts the calculators' runtime while the
// page itself still loads (the boot runs in a worker: the page stays responsive). calc.js, which
// binds the forms once the page is parsed, takes over the same runtime (runtime.js's pageRuntime).
// With Save-Data on, nothing starts before the first focus of a calculator's field.
import { pageRuntime, startUnlessSavingData } from "./runtime.js";

startUnlessSavingData(pageRuntime());
