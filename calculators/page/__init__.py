"""What every calculator shows: the calculator record, field schemas and the forms built from them,
result markup, the chart, and the texts of the page-side machinery.
"""
