/// What is wrong with one field of a form, in words for the person filling it in. Every form's rules return these,
/// in form order, and the page shows each beside its field and in the summary at the top.
public struct FieldMistake: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A form that could not be accepted, with every mistake.
public struct FieldMistakes: Error, Sendable, Equatable {
    public var all: [FieldMistake]

    public init(all: [FieldMistake]) { self.all = all }
}
