/// Why a command could not do its job, in the person's words: printed alone, and the command exits non-zero.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
    package init(_ description: String) { self.description = description }
}
