import Foundation
import WaymarkDomain
import Yams

/// Reads and writes plan data files (YAML; JSON is YAML too, so either can be imported).
public enum PlanFileCoder {
    /// The file, or every problem found in it with its path. A file that is not well-formed YAML, or whose
    /// shape is wrong (a missing field, a list where a name should be), gives the first such problem only,
    /// because reading cannot go on past it; a well-formed file is checked whole.
    public static func read(_ text: String) -> Result<PlanFile, PlanFileProblems> {
        let file: PlanFile
        do {
            file = try YAMLDecoder().decode(PlanFile.self, from: text)
        } catch let error as DecodingError {
            return .failure(PlanFileProblems([problem(from: error)]))
        } catch let error as YamlError {
            return .failure(PlanFileProblems([PlanFileProblem(path: "", message: "not valid YAML: \(describe(error))")]))
        } catch {
            return .failure(PlanFileProblems([PlanFileProblem(path: "", message: "could not be read: \(error)")]))
        }
        let problems = file.problems()
        return problems.isEmpty ? .success(file) : .failure(PlanFileProblems(problems))
    }

    public static func read(_ data: Data) -> Result<PlanFile, PlanFileProblems> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(PlanFileProblems([PlanFileProblem(path: "", message: "is not UTF-8 text")]))
        }
        return read(text)
    }

    public static func write(_ file: PlanFile) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options = .init(width: 110, allowUnicode: true)
        return "# Waymark plan data file (\(PlanFile.currentFormat)). Import with `waymark plan import FILE`.\n"
            + (try encoder.encode(file))
    }

    static func problem(from error: DecodingError) -> PlanFileProblem {
        switch error {
        case .keyNotFound(let key, let context):
            PlanFileProblem(path: path(context.codingPath + [key]), message: "is missing")
        case .typeMismatch(let type, let context):
            PlanFileProblem(path: path(context.codingPath), message: "should be \(describe(type))")
        case .valueNotFound(let type, let context):
            PlanFileProblem(path: path(context.codingPath), message: "should be \(describe(type)), but is empty")
        case .dataCorrupted(let context) where context.underlyingError is YamlError:
            PlanFileProblem(path: "", message: "not valid YAML: \(describe(context.underlyingError as! YamlError))")
        case .dataCorrupted(let context):
            PlanFileProblem(path: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            PlanFileProblem(path: "", message: "\(error)")
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

/// The problems that stopped a plan file from being imported; none of it was stored.
public struct PlanFileProblems: Error, Equatable, CustomStringConvertible {
    public var problems: [PlanFileProblem]

    public init(_ problems: [PlanFileProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The plans that ship with Waymark and load on first start.
public enum BundledPlans {
    /// The London Borough of Barnet's Children and Young People's Plan 2019–2023, its summary, the 2018/19
    /// Ofsted improvement plan and the Corporate Parenting Pledge, transcribed from the published documents.
    public static var barnet: URL {
        Bundle.module.url(forResource: "barnet", withExtension: "yaml", subdirectory: "Plans")!
    }
}
