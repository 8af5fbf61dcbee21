import Plot
import WaymarkDomain
import WaymarkRouting

/// Messages for the fields of a form that came back with mistakes, keyed by field name, in page order.
public struct FormErrors: Sendable, Equatable {
    public private(set) var messages: [(field: String, message: String)] = []

    public init() {}

    /// The messages of a form's rules (`FieldMistake`s), by field.
    public init(_ mistakes: [FieldMistake]) {
        messages = mistakes.map { ($0.field, $0.message) }
    }

    public mutating func add(_ field: String, _ message: String) {
        messages.append((field, message))
    }

    public subscript(field: String) -> String? {
        let forField = messages.filter { $0.field == field }.map(\.message)
        return forField.isEmpty ? nil : forField.joined(separator: " ")
    }

    public var isEmpty: Bool { messages.isEmpty }

    public static func == (lhs: FormErrors, rhs: FormErrors) -> Bool {
        lhs.messages.map { "\($0.field)\u{0}\($0.message)" } == rhs.messages.map { "\($0.field)\u{0}\($0.message)" }
    }
}

/// Form building blocks in the GOV.UK Design System pattern: a summary of every mistake at the top that
/// links to each field, and each field with its label, hint and message beside it.
public enum Form {
    public static let csrfFieldName = "csrfToken"

    /// A POST form carrying the CSRF token.
    public static func post(
        to url: SiteURL, csrfToken: String, class className: String? = nil, _ nodes: Node<HTML.BodyContext>...
    ) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: url.path),
                .attribute(named: "novalidate"),
                .unwrap(className) { .class($0) },
                .input(.type(.hidden), .name(csrfFieldName), .value(csrfToken)),
            ] + nodes)
    }

    /// A POST form that sends a file (multipart), carrying the CSRF token.
    public static func upload(to url: SiteURL, csrfToken: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "post"),
                .attribute(named: "action", value: url.path),
                .attribute(named: "enctype", value: "multipart/form-data"),
                .input(.type(.hidden), .name(csrfFieldName), .value(csrfToken)),
            ] + nodes)
    }

    public static func fileField(
        _ name: String, label: String, accept: String, errors: FormErrors, multiple: Bool = false,
        hint: String? = nil
    ) -> Node<HTML.BodyContext> {
        field(name, label: label, hint: hint, error: errors[name]) { describedBy, invalid in
            .input(
                .type(.file), .name(multiple ? "\(name)[]" : name), .id(name),
                .attribute(named: "accept", value: accept),
                .attribute(named: "multiple", value: multiple ? "multiple" : nil),
                .attribute(named: "aria-describedby", value: describedBy),
                .attribute(named: "aria-invalid", value: invalid)
            )
        }
    }

    /// More mistakes in a refused file than this are counted rather than listed.
    public static let listedFileMistakes = 200

    /// A file that was refused whole: what happened (`title`), then each mistake with where it is.
    public static func refusedFile(_ title: String, mistakes: [String]) -> Node<HTML.BodyContext> {
        .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .attribute(named: "aria-labelledby", value: "error-summary-title"),
            .h2(.id("error-summary-title"), .text(title)),
            .p(.text(mistakes.count == 1 ? "There is 1 mistake:" : "There are \(mistakes.count) mistakes:")),
            .ul(.forEach(mistakes.prefix(listedFileMistakes)) { .li(.text($0)) }),
            .if(
                mistakes.count > listedFileMistakes,
                .p(.text("… and \(mistakes.count - listedFileMistakes) more, not listed. Put right those above and upload again to see the rest.")))
        )
    }

    /// The message beside the file field of a refused upload.
    public static func putRightMistakes(_ count: Int, in errors: inout FormErrors, field: String = "file") {
        errors.add(field, "Put right the \(count == 1 ? "mistake" : "\(count) mistakes") listed above and upload the file again")
    }

    public static func errorSummary(_ errors: FormErrors) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        return .div(
            .class("error-summary"),
            .attribute(named: "role", value: "alert"),
            .attribute(named: "aria-labelledby", value: "error-summary-title"),
            .h2(.id("error-summary-title"), .text("There is a problem")),
            .ul(
                .forEach(errors.messages) { error in
                    .li(.a(.href("#\(error.field)"), .text(error.message)))
                })
        )
    }

    public static func textField(
        _ name: String, label: String, value: String?, errors: FormErrors,
        type: HTMLInputType = .text, hint: String? = nil, autocomplete: String? = nil
    ) -> Node<HTML.BodyContext> {
        field(name, label: label, hint: hint, error: errors[name]) { describedBy, invalid in
            .input(
                .type(type), .name(name), .id(name),
                .attribute(named: "value", value: value),
                .attribute(named: "autocomplete", value: autocomplete),
                .attribute(named: "aria-describedby", value: describedBy),
                .attribute(named: "aria-invalid", value: invalid)
            )
        }
    }

    /// A date in GOV.UK's three boxes (day, month, year) in a fieldset with its legend: never the browser's date
    /// picker, which writes dates the American way. `value` is the date written yyyy-mm-dd, or as it was typed; the
    /// boxes are sent as `name-day`, `name-month` and `name-year` (`DateField.read` puts them together), and the day box
    /// has the field's own id, so the error summary's link lands on it.
    public static func dateInput(
        _ name: String, legend: String, value: String?, errors: FormErrors, hint: String? = "For example, 6 12 2026"
    ) -> Node<HTML.BodyContext> {
        let error = errors[name]
        let parts = DateField.parts(of: value ?? "")
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        func box(_ part: String, label: String, id: String, value: String, width: Int) -> Node<HTML.BodyContext> {
            .div(
                .class("date-input__item"),
                .label(.for(id), .text(label)),
                .input(
                    .type(.text), .name("\(name)-\(part)"), .id(id), .class("input--width-\(width)"),
                    .attribute(named: "inputmode", value: "numeric"),
                    .attribute(named: "value", value: value),
                    .attribute(named: "aria-invalid", value: error == nil ? nil : "true")))
        }
        return .div(
            .class(error == nil ? "field" : "field field--error"),
            .element(
                named: "fieldset",
                nodes: [
                    .attribute(named: "role", value: "group"),
                    .attribute(named: "aria-describedby", value: describedBy.isEmpty ? nil : describedBy),
                    .element(named: "legend", text: legend),
                    .unwrap(hint) { .span(.class("hint"), .id("\(name)-hint"), .text($0)) },
                    .unwrap(error) { .span(.class("field-error"), .id("\(name)-error"), .text("Error: \($0)")) },
                    .div(
                        .class("date-input"),
                        box("day", label: "Day", id: name, value: parts.day, width: 2),
                        box("month", label: "Month", id: "\(name)-month", value: parts.month, width: 2),
                        box("year", label: "Year", id: "\(name)-year", value: parts.year, width: 4)),
                ]))
    }

    /// A text box of several lines; `code` for a file's text (fixed-width letters, the page's whole width, no spelling
    /// marks).
    public static func textArea(
        _ name: String, label: String, value: String?, errors: FormErrors, hint: String? = nil, rows: Int = 5, code: Bool = false
    ) -> Node<HTML.BodyContext> {
        field(name, label: label, hint: hint, error: errors[name]) { describedBy, invalid in
            .textarea(
                .name(name), .id(name), .attribute(named: "rows", value: String(rows)),
                .if(code, .group(.class("code"), .attribute(named: "spellcheck", value: "false"))),
                .attribute(named: "aria-describedby", value: describedBy),
                .attribute(named: "aria-invalid", value: invalid),
                .text(value ?? "")
            )
        }
    }

    /// A field's label, hint and error message around its control, with the control told which of them
    /// describe it (`aria-describedby`) and whether it is invalid (`aria-invalid`).
    private static func field(
        _ name: String, label: String, hint: String?, error: String?,
        control: (_ describedBy: String?, _ invalid: String?) -> Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        return .div(
            .class(error == nil ? "field" : "field field--error"),
            .label(.for(name), .text(label)),
            .unwrap(hint) { .span(.class("hint"), .id("\(name)-hint"), .text($0)) },
            .unwrap(error) { .span(.class("field-error"), .id("\(name)-error"), .text("Error: \($0)")) },
            control(describedBy.isEmpty ? nil : describedBy.joined(separator: " "), error == nil ? nil : "true")
        )
    }

    public struct Choice: Sendable {
        public var value: String
        public var label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    public static func select(
        _ name: String, label: String, choices: [Choice], selected: String?, errors: FormErrors,
        hint: String? = nil, includeBlank: String? = nil
    ) -> Node<HTML.BodyContext> {
        let allChoices = (includeBlank.map { [Choice(value: "", label: $0)] } ?? []) + choices
        return field(name, label: label, hint: hint, error: errors[name]) { describedBy, invalid in
            .element(
                named: "select",
                nodes: [
                    .attribute(named: "name", value: name),
                    .attribute(named: "id", value: name),
                    .attribute(named: "aria-describedby", value: describedBy),
                    .attribute(named: "aria-invalid", value: invalid),
                ]
                    + allChoices.map { choice in
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: choice.value, ignoreIfValueIsEmpty: false),
                                .if(choice.value == (selected ?? ""), .attribute(named: "selected")),
                                .text(choice.label),
                            ])
                    })
        }
    }

    /// Radios (one of) or checkboxes (any of) in a fieldset with its legend, GOV.UK's pattern: the first control has
    /// the field's own id, so the error summary's link lands on it.
    public static func choices(
        _ name: String, legend: String, choices: [Choice], selected: Set<String>, errors: FormErrors, multiple: Bool = false,
        hint: String? = nil, inline: Bool = false
    ) -> Node<HTML.BodyContext> {
        let error = errors[name]
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        return .div(
            .class(error == nil ? "field" : "field field--error"),
            .element(
                named: "fieldset",
                nodes: [
                    .attribute(named: "aria-describedby", value: describedBy.isEmpty ? nil : describedBy),
                    .element(named: "legend", text: legend),
                    .unwrap(hint) { .span(.class("hint"), .id("\(name)-hint"), .text($0)) },
                    .unwrap(error) { .span(.class("field-error"), .id("\(name)-error"), .text("Error: \($0)")) },
                    .ul(
                        .class(inline ? "checkboxes checkboxes--inline" : "checkboxes"),
                        .forEach(choices.enumerated()) { index, choice in
                            let id = index == 0 ? name : "\(name)-\(index + 1)"
                            return .li(
                                .input(
                                    .type(multiple ? .checkbox : .radio), .name(multiple ? "\(name)[]" : name), .id(id), .value(choice.value),
                                    .attribute(named: "checked", value: selected.contains(choice.value) ? "checked" : nil)),
                                .label(.for(id), .text(choice.label)))
                        }),
                ]))
    }

    /// A submit button; `name` and `value`, when given, say which of a form's buttons was pressed.
    public static func submit(_ label: String, style: String = "button", name: String? = nil, value: String? = nil) -> Node<HTML.BodyContext> {
        .button(.class(style), .type(.submit), .attribute(named: "name", value: name), .attribute(named: "value", value: value), .text(label))
    }
}
