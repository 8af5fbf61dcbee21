import Foundation
import WaymarkDomain
import Yams

/// Reads Waymark's data files (YAML; JSON is YAML too): plan files and audit instruments. A file that is not
/// well-formed YAML, or whose shape is wrong (a missing field, a list where a name should be), gives the first such
/// problem only, with its path, because reading cannot go on past it; each file's own checks then find the rest.
public enum DataFileCoder {
    public static func read<File: Decodable>(_ type: File.Type, from text: String) -> Result<File, DataFileProblems> {
        do {
            return .success(try YAMLDecoder().decode(File.self, from: text))
        } catch let error as DecodingError {
            return .failure(DataFileProblems([problem(from: error)]))
        } catch let error as YamlError {
            return .failure(DataFileProblems([DataFileProblem(path: "", message: "not valid YAML: \(describe(error))")]))
        } catch {
            return .failure(DataFileProblems([DataFileProblem(path: "", message: "could not be read: \(error)")]))
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
