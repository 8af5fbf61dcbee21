// Pages import Plot through here, never directly: this module's `EscapedAttributes` then shadow Plot's own attribute
// functions in every page module (a page that also imports Plot itself gets an ambiguity error, not unescaped text).
@_exported import Plot
