import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet

@testable import WaymarkValidation

/// The demo passes Waymark's own checks of the DfE's rules, but for the few mistakes it makes on purpose
/// (`DemoMistakes`) and the queries a return is right to raise about work really running late at the year's end.
@Suite struct DemoValidationTests {
    /// Assessments (8670Q) and section 47 enquiries (8675Q) still open at 31 March after their 45 and 15 working days.
    static let lateAtTheYearsEnd: Set = ["8670Q", "8675Q"]

    @Test(arguments: [ISODay(year: 2026, month: 12, day: 6), ISODay(year: 2026, month: 4, day: 1)])
    func theDemoBreaksOnlyTheRulesItBreaksOnPurpose(lastDay: ISODay) throws {
        let demo = DemoReturns(children: 3_000, seed: 1, through: lastDay)
        let (ssda903, census) = demo.collection(2026)
        let files = SSDA903Table.allCases.compactMap { table -> (String, Data)? in
            guard let rows = ssda903.rows[table], !rows.isEmpty else { return nil }
            return (
                table.fileName, CSVFile.data([table.columns.map(\.rawValue)] + rows.map { row in table.columns.map { row[$0] } }, lineEnding: "\n")
            )
        }
        let year = CollectionYear(endYear: 2026)
        let ssda903Report = try #require(SSDA903Rules.validate(SSDA903Files.read(files: files), year: year))
        let cinReport = try #require(CINRules.validate(CINCensusFile.read(CINCensusWriter.data(census), fileName: "census.xml"), year: year))
        for (report, mistakes) in [(ssda903Report, DemoMistakes.ssda903), (cinReport, DemoMistakes.census)] {
            #expect(report.readingProblems.isEmpty)
            let errors = Dictionary(uniqueKeysWithValues: report.byRule.filter { $0.severity == .error }.map { ($0.code, $0.count) })
            #expect(errors == mistakes)
            #expect(Set(report.byRule.filter { $0.severity == .query }.map(\.code)).isSubset(of: Self.lateAtTheYearsEnd))
        }
    }
}
