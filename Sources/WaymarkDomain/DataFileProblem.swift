/// One thing wrong in a data file (a plan file, an audit instrument): where (`domains[2].items[0].id`) and why.
public struct DataFileProblem: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// The problems that stopped a data file from being used; none of it was stored.
public struct DataFileProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [DataFileProblem]

    public init(_ problems: [DataFileProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
