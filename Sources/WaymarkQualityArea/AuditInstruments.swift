import Foundation
import WaymarkDomain
import WaymarkPlanFile

/// Audit instruments as data files: the one Waymark ships, and reading one a QA lead wrote, checked whole.
enum AuditInstruments {
    /// The default case file audit (`Instruments/case-file-audit.yaml`), checked by the tests.
    static let caseFileAudit: AuditInstrument = {
        guard case .success(let instrument) = read(Data(caseFileAuditText.utf8)) else { fatalError("the default audit instrument has problems") }
        return instrument
    }()

    /// The default instrument's file, as a programme keeps it.
    static let caseFileAuditText: String = {
        let url = Bundle.module.url(forResource: "case-file-audit", withExtension: "yaml", subdirectory: "Instruments")!
        return String(decoding: try! Data(contentsOf: url), as: UTF8.self)
    }()

    /// An instrument Waymark keeps (a published or draft version, or a programme's copy). It was checked whole when
    /// saved, so a problem here is a damaged database.
    static func kept(_ text: String) throws -> AuditInstrument {
        switch read(Data(text.utf8)) {
        case .success(let instrument): return instrument
        case .failure(let problems): throw problems
        }
    }

    /// The instrument, or every problem in it with its path.
    static func read(_ data: Data) -> Result<AuditInstrument, DataFileProblems> {
        DataFileCoder.text(of: data).flatMap { DataFileCoder.read(AuditInstrument.self, from: $0) }.flatMap { instrument in
            let problems = instrument.problems()
            return problems.isEmpty ? .success(instrument) : .failure(DataFileProblems(problems))
        }
    }
}
