import WaymarkDomain
import WaymarkReturns

/// Dates written in a form the return does not take but some case systems export (`31/03/25`, `2025-03-31`): reported
/// once for each file and column, with what was found and what is expected, rather than once a row by every rule that
/// reads them. The rules read them as no day (`Days.misformatted`), and a rule's hit on a row whose date it reads is one
/// of them is dropped, so one column written the wrong way does not cascade into other rules' rows.
struct SSDA903MisformattedDates {
    /// By table, the date columns holding any, each with the rows that do.
    private var rows: [SSDA903Table: [SSDA903Column: Set<Int>]] = [:]
    private(set) var problems: [ReturnProblem] = []

    init(_ files: SSDA903Files) {
        for (table, held) in files.tables.sorted(by: { $0.key < $1.key }) {
            for column in table.columns + table.optionalColumns where held.has(column.rawValue) {
                let days = held.days(column.rawValue)
                let found = days.indices.filter { days[$0] == Days.misformatted }
                guard let first = found.first else { continue }
                rows[table, default: [:]][column] = Set(found)
                let example = held.value(first, column.rawValue)
                let form = example.contains("-") ? "year first (yyyy-mm-dd)" : "with a two-digit year"
                problems.append(
                    ReturnProblem(
                        file: held.file, field: column.rawValue, value: example,
                        "\(Counted.phrase(found.count, "date")) written \(form); the return takes dd/mm/yyyy (31/03/2025). "
                            + "Read as no date, and no rule reports \(found.count == 1 ? "its row" : "their rows") for it",
                        effect: .keptAsGiven))
            }
        }
    }

    /// Whether a rule's hit is on a row where a date the rule reads is written the wrong way.
    func explains(_ hit: RowHit, readBy rule: SSDA903Rule) -> Bool {
        guard let table = SSDA903Table(rawValue: hit.table), let columns = rows[table] else { return false }
        return (rule.fields[table] ?? []).contains { columns[$0]?.contains(hit.row) == true }
    }

    var isEmpty: Bool { rows.isEmpty }
}
