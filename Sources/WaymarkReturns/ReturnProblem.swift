/// Something wrong in a statutory return, with where it is (file, line, and for XML the element path), the field and
/// value, why, and what became of it: the whole file refused, the row left out, or the value kept as given for the
/// validation to report.
public struct ReturnProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Effect: String, Sendable {
        /// Nothing in the file could be read (an encoding, missing columns, XML that is not well formed).
        case fileRefused = "file refused"
        /// This row (or XML element) is left out; the rest is imported.
        case rowLeftOut = "row left out"
        /// Imported as given; the DfE validation will report it.
        case keptAsGiven = "kept as given"
        /// Stray text between elements, which holds no field: not imported.
        case ignored
    }

    public var file: String
    public var line: Int?
    /// For XML: the element, `EXPSSDA903/CHILD[12]/EPISODE[2]`.
    public var element: String?
    public var field: String?
    public var value: String?
    public var message: String
    public var effect: Effect

    public init(
        file: String, line: Int? = nil, element: String? = nil, field: String? = nil, value: String? = nil,
        _ message: String, effect: Effect
    ) {
        self.file = file
        self.line = line
        self.element = element
        self.field = field
        self.value = value
        self.message = message
        self.effect = effect
    }

    /// `episodes.csv, line 14, DECOM "2017-02-15": not a date written dd/mm/yyyy (row left out)`
    public var description: String {
        var place = [file]
        if let line { place.append("line \(line)") }
        if let element { place.append(element) }
        var text = place.joined(separator: ", ")
        if let field { text += ", \(field)" }
        if let value { text += " \"\(value)\"" }
        return text + ": \(message) (\(effect.rawValue))"
    }
}
