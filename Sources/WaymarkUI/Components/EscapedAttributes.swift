import Plot

// Plot writes an attribute's value as it is given (`name="value"`): a value holding a quote ends the attribute and
// the rest becomes markup. Every Plot function that takes a free-text value for an attribute is declared again below
// with the same name and signature, escaping the value first; a module's own declarations shadow those of a module it
// imports, so every page's `.href(…)`, `.value(…)` or `.attribute(named:value:)` is one of these. Those left to Plot
// take only its enums (`.type(.submit)`, `.lang(.english)`). `AttributeEscapingTests` holds every page to it.

public extension Node {
    package static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(HTMLText.attribute), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

public extension Attribute {
    package static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(HTMLText.attribute))
    }
}

public extension Node where Context: HTMLContext {
    package static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    package static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    package static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
    package static func data(named name: String, value: String) -> Node { .attribute(named: "data-\(name)", value: value) }
}

public extension Attribute where Context: HTMLContext {
    package static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    package static func `class`(_ className: String) -> Attribute { .attribute(named: "class", value: className) }
    package static func title(_ title: String) -> Attribute { .attribute(named: "title", value: title) }
    package static func data(named name: String, value: String) -> Attribute { .attribute(named: "data-\(name)", value: value) }
}

public extension Node where Context: HTMLNamableContext {
    package static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

public extension Attribute where Context: HTMLNamableContext {
    package static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
}

public extension Node where Context: HTMLValueContext {
    package static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

public extension Attribute where Context: HTMLValueContext {
    package static func value(_ value: String) -> Attribute { .attribute(named: "value", value: value) }
}

public extension Attribute where Context: HTMLTypeContext {
    package static func type(_ type: String) -> Attribute { .attribute(named: "type", value: type) }
}

public extension Node where Context: HTMLLinkableContext {
    package static func href(_ url: URLRepresentable) -> Node { .attribute(named: "href", value: url.description) }
}

public extension Attribute where Context: HTMLLinkableContext {
    package static func href(_ url: URLRepresentable) -> Attribute { .attribute(named: "href", value: url.description) }
}

public extension Node where Context: HTMLSourceContext {
    package static func src(_ url: URLRepresentable) -> Node { .attribute(named: "src", value: url.description) }
}

public extension Attribute where Context: HTMLSourceContext {
    package static func src(_ url: URLRepresentable) -> Attribute { .attribute(named: "src", value: url.description) }
}

public extension Node where Context == HTML.FormContext {
    package static func action(_ url: URLRepresentable) -> Node { .attribute(named: "action", value: url.description) }
}

public extension Node where Context == HTML.LabelContext {
    package static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

public extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { .attribute(named: "placeholder", value: placeholder) }
}

public extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

public extension Attribute where Context == HTML.MetaContext {
    package static func content(_ content: String) -> Attribute { .attribute(named: "content", value: content) }
}

public extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { .attribute(named: "alt", value: text) }
}
