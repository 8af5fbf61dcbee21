import Foundation
import WaymarkDomain
import Yams

/// Reads and writes plan data files (YAML; JSON is YAML too, so either can be imported).
public enum PlanFileCoder {
    /// The file, or every problem found in it with its path (`DataFileCoder`); a well-formed file is checked whole.
    public static func read(_ text: String) -> Result<PlanFile, DataFileProblems> {
        DataFileCoder.read(PlanFile.self, from: text).flatMap { file in
            let problems = file.problems()
            return problems.isEmpty ? .success(file) : .failure(DataFileProblems(problems))
        }
    }

    public static func read(_ data: Data) -> Result<PlanFile, DataFileProblems> {
        DataFileCoder.text(of: data).flatMap { read($0) }
    }

    public static func write(_ file: PlanFile) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options = .init(width: 110, allowUnicode: true)
        return "# Waymark plan data file (\(PlanFile.currentFormat)). Import with `waymark plan import FILE`.\n"
            + (try encoder.encode(file))
    }
}

/// The plans that ship with Waymark and load on first start.
public enum BundledPlans {
    /// The London Borough of Barnet's Children and Young People's Plan 2019–2023, its summary, the 2018/19
    /// Ofsted improvement plan and the Corporate Parenting Pledge, transcribed from the published documents.
    public static var barnet: URL {
        Bundle.module.url(forResource: "barnet", withExtension: "yaml", subdirectory: "Plans")!
    }
}
