/// A table of moderated audits, as a QA team keeps it in a spreadsheet: the first row names the columns; each row
/// after it is one audit, its first cell the audit's reference and each cell after it a grade, in the order given
/// (the auditor's, then each moderator's). A blank grade is one not given.
public enum ModerationGrades {
    /// One problem, where it is: the row as the spreadsheet numbers it, and the column's letter and name.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var column: String?
        public var message: String

        public var description: String { "Row \(row)\(column.map { ", column \($0)" } ?? ""): \(message)" }
    }

    /// A table refused, with every problem in it.
    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    public struct Table: Sendable, Equatable {
        /// Each audit's reference and grades (places on the scale), in the file's order.
        public var audits: [(reference: String, grades: [Int])]
        /// The names of the grade columns, from the first row.
        public var graders: [String]

        public static func == (a: Table, b: Table) -> Bool {
            a.graders == b.graders && a.audits.map(\.reference) == b.audits.map(\.reference) && a.audits.map(\.grades) == b.audits.map(\.grades)
        }

        public var agreement: GradeAgreement { GradeAgreement(cases: audits.map(\.grades), categories: scaleSize) }
        let scaleSize: Int
    }

    /// Reads the rows (each with its number as the spreadsheet shows it), refusing the whole table with every problem:
    /// a grade not on the scale, a grade after a blank one (grades are in order), an audit with no reference or named
    /// twice, a table with fewer than two grade columns.
    public static func read(_ rows: [(number: Int, cells: [String])], scale: GradeScale) -> Result<Table, Problems> {
        let rows = rows.filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = rows.first else {
            return .failure(Problems(all: [Problem(row: 1, message: "The file is empty: the first row names the columns.")]))
        }
        let graders = header.cells.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        guard graders.count >= 2 else {
            return .failure(
                Problems(all: [
                    Problem(
                        row: header.number,
                        message:
                            "There must be a column for the audit's reference and at least two columns of grades (the auditor's and a moderator's).")
                ]))
        }
        var problems: [Problem] = []
        var audits: [(reference: String, grades: [Int])] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            let reference = (row.cells.first ?? "").trimmingCharacters(in: .whitespaces)
            if reference.isEmpty {
                problems.append(Problem(row: row.number, column: "A", message: "The audit has no reference."))
            } else if let first = seen[reference] {
                problems.append(Problem(row: row.number, column: "A", message: "Audit \"\(reference)\" is also on row \(first)."))
            } else {
                seen[reference] = row.number
            }
            if row.cells.count > graders.count + 1,
                row.cells[(graders.count + 1)...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                problems.append(Problem(row: row.number, message: "There are grades beyond the named columns."))
            }
            var grades: [Int] = []
            var blank: String?
            for (offset, grader) in graders.enumerated() {
                let cell = offset + 1 < row.cells.count ? row.cells[offset + 1].trimmingCharacters(in: .whitespaces) : ""
                let column = "\(letter(offset + 1)) (\(grader))"
                if cell.isEmpty {
                    blank = blank ?? column
                } else if let place = scale.place(of: cell) {
                    if let blank {
                        problems.append(
                            Problem(row: row.number, column: column, message: "A grade after a blank one (\(blank)): give grades in order."))
                    }
                    grades.append(place)
                } else {
                    problems.append(Problem(row: row.number, column: column, message: "\"\(cell)\" is not a grade: use \(scale.inWords)."))
                }
            }
            audits.append((reference, grades))
        }
        if audits.isEmpty { problems.append(Problem(row: header.number, message: "There are no audits below the column names.")) }
        return problems.isEmpty ? .success(Table(audits: audits, graders: graders, scaleSize: scale.grades.count)) : .failure(Problems(all: problems))
    }

    /// A spreadsheet's column letter: 0 is A, 26 is AA.
    static func letter(_ index: Int) -> String {
        var index = index, name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
