/// A table of moderated audits, as a QA team keeps it in a spreadsheet: the first row names the columns; each row
/// after it is one audit, its first cell the audit's reference and each cell after it a grade, in the order given
/// (the auditor's, then each moderator's). A blank grade is one not given. Where the second column is named "Domain",
/// each row is one practice domain of an audit (an audit has a row a domain), so agreement can be told domain by
/// domain.
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

    public struct Graded: Sendable, Equatable {
        public var reference: String
        /// The practice domain, where the table has a Domain column.
        public var domain: String?
        /// Places on the scale, in the graders' order.
        public var grades: [Int]

        public init(reference: String, domain: String?, grades: [Int]) { (self.reference, self.domain, self.grades) = (reference, domain, grades) }
    }

    public struct Table: Sendable, Equatable {
        /// Each row's audit, domain and grades, in the file's order.
        public var audits: [Graded]
        /// The names of the grade columns, from the first row.
        public var graders: [String]
        let scaleSize: Int

        /// Grades Waymark holds (each audit's first and second auditor's), rather than a file's.
        public init(audits: [Graded], graders: [String], scaleSize: Int) {
            (self.audits, self.graders, self.scaleSize) = (audits, graders, scaleSize)
        }

        public var agreement: GradeAgreement { GradeAgreement(cases: audits.map(\.grades), categories: scaleSize) }

        /// Each domain in the order first met, with the agreement on its rows alone; empty without a Domain column.
        public var byDomain: [(domain: String, agreement: GradeAgreement)] {
            var order: [String] = []
            var cases: [String: [[Int]]] = [:]
            for audit in audits {
                guard let domain = audit.domain else { continue }
                if cases[domain] == nil { order.append(domain) }
                cases[domain, default: []].append(audit.grades)
            }
            return order.map { ($0, GradeAgreement(cases: cases[$0]!, categories: scaleSize)) }
        }
    }

    /// Reads the rows (each with its number as the spreadsheet shows it), refusing the whole table with every problem:
    /// a grade not on the scale, a grade after a blank one (grades are in order), an audit (or, with domains, an
    /// audit's domain) with no reference or given twice, a table with fewer than two grade columns.
    public static func read(_ rows: [(number: Int, cells: [String])], scale: GradeScale) -> Result<Table, Problems> {
        let rows = rows.filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = rows.first else {
            return .failure(Problems(all: [Problem(row: 1, message: "The file is empty: the first row names the columns.")]))
        }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let hasDomains = names.count > 1 && names[1].lowercased() == "domain"
        let first = hasDomains ? 2 : 1
        let graders = Array(names.dropFirst(first))
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
        var audits: [Graded] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            func cell(_ index: Int) -> String { index < row.cells.count ? row.cells[index].trimmingCharacters(in: .whitespaces) : "" }
            let reference = cell(0)
            let domain = hasDomains ? cell(1) : nil
            let key = domain.map { "\(reference)\u{1F}\($0)" } ?? reference
            if reference.isEmpty {
                problems.append(Problem(row: row.number, column: "A", message: "The audit has no reference."))
            } else if domain?.isEmpty == true {
                problems.append(Problem(row: row.number, column: "B (Domain)", message: "The domain is blank."))
            } else if let earlier = seen[key] {
                let what = domain.map { "Audit \"\(reference)\", domain \"\($0)\"," } ?? "Audit \"\(reference)\""
                problems.append(Problem(row: row.number, column: "A", message: "\(what) is also on row \(earlier)."))
            } else {
                seen[key] = row.number
            }
            if row.cells.count > names.count, row.cells[names.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problems.append(Problem(row: row.number, message: "There are grades beyond the named columns."))
            }
            var grades: [Int] = []
            var blank: String?
            for (offset, grader) in graders.enumerated() {
                let text = cell(first + offset)
                let column = "\(letter(first + offset)) (\(grader))"
                if text.isEmpty {
                    blank = blank ?? column
                } else if let place = scale.place(of: text) {
                    if let blank {
                        problems.append(
                            Problem(row: row.number, column: column, message: "A grade after a blank one (\(blank)): give grades in order."))
                    }
                    grades.append(place)
                } else {
                    problems.append(Problem(row: row.number, column: column, message: "\"\(text)\" is not a grade: use \(scale.inWords)."))
                }
            }
            audits.append(Graded(reference: reference, domain: domain, grades: grades))
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
