import Foundation
import WaymarkDomain
import Yams

/// Reads Waymark's data files (YAML; JSON is YAML too): plan files and audit instruments. A file that is not
/// well-formed YAML, or whose shape is wrong (a missing field, a list where a name should be), gives the first such
/// problem only, with its path, because reading cannot go on past it. A field the file's format does not have is
/// refused with its path too (a misspelt field, or a comma in an unquoted `{label: 158 per 100,000}` that splits it),
/// rather than left out without a word. Each file's own checks then find the rest.
public enum DataFileCoder {
    public static func read<File: Codable>(_ type: File.Type, from text: String) -> Result<File, DataFileProblems> {
        do {
            let file = try YAMLDecoder().decode(File.self, from: text)
            // Written back, the file holds every field Waymark read; any other field in the text was not read.
            if let given = try Yams.compose(yaml: text), let read = try Yams.compose(yaml: YAMLEncoder().encode(file)) {
                let unread = fieldsNotRead(given, read, at: "")
                if !unread.isEmpty { return .failure(DataFileProblems(unread)) }
            }
            return .success(file)
        } catch let error as DecodingError {
            return .failure(DataFileProblems([problem(from: error)]))
        } catch let error as YamlError {
            return .failure(DataFileProblems([DataFileProblem(path: "", message: "not valid YAML: \(describe(error))")]))
        } catch {
            return .failure(DataFileProblems([DataFileProblem(path: "", message: "could not be read: \(error)")]))
        }
    }

    /// The fields in `given` that `read` does not have, each by its path. A field left empty in the text (`ambition:`)
    /// is written back as nothing, so it is named too: leave it out.
    static func fieldsNotRead(_ given: Node, _ read: Node, at path: String) -> [DataFileProblem] {
        switch (given, read) {
        case (.mapping(let given), .mapping(let read)):
            return given.flatMap { key, value -> [DataFileProblem] in
                let name = key.string ?? "\(key)"
                let here = path.isEmpty ? name : "\(path).\(name)"
                guard let readValue = read[name] else {
                    return [
                        DataFileProblem(path: here, message: value.null != nil ? "is empty or not a field here: leave it out" : "is not a field here")
                    ]
                }
                return fieldsNotRead(value, readValue, at: here)
            }
        case (.sequence(let given), .sequence(let read)):
            return zip(given, read).enumerated().flatMap { index, pair in fieldsNotRead(pair.0, pair.1, at: "\(path)[\(index)]") }
        default:
            return []
        }
    }

    public static func text(of data: Data) -> Result<String, DataFileProblems> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(DataFileProblems([DataFileProblem(path: "", message: "is not UTF-8 text")]))
        }
        return .success(text)
    }

    static func problem(from error: DecodingError) -> DataFileProblem {
        switch error {
        case .keyNotFound(let key, let context):
            DataFileProblem(path: path(context.codingPath + [key]), message: "is missing")
        case .typeMismatch(let type, let context):
            DataFileProblem(path: path(context.codingPath), message: "should be \(describe(type))")
        case .valueNotFound(let type, let context):
            DataFileProblem(path: path(context.codingPath), message: "should be \(describe(type)), but is empty")
        case .dataCorrupted(let context) where context.underlyingError is YamlError:
            DataFileProblem(path: "", message: "not valid YAML: \(describe(context.underlyingError as! YamlError))")
        case .dataCorrupted(let context):
            DataFileProblem(path: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            DataFileProblem(path: "", message: "\(error)")
        }
    }

    /// `plans[0].outcomes[2].name`: keys joined by dots, list positions in brackets.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "\(type)".hasPrefix("Array") ? "a list" : "a mapping of \(type)"
        }
    }

    static func describe(_ error: YamlError) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
