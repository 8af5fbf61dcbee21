import WaymarkDomain

/// The checks run on the lists before the workbook is offered: each row against itself (no day after the lists' day,
/// no care before the child was born, nothing ending before it began) and the lists against each other (a child on a
/// child protection plan is a child in need; a conference that resulted in a plan has the plan in list 7). Ofsted
/// reads the lists side by side, so a row that contradicts another is a question at inspection.
struct AnnexAChecks {
    private(set) var problems: [AnnexA.Problem] = []

    /// Within a list: (start column, end column, why) where the end may not come before the start.
    static let orderings: [Int: [(String, String, String)]] = [
        2: [("Assessment start date", "Assessment completion date", "completed before it started")],
        4: [("Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation", "authorised before it started")],
        5: [
            (
                "Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference",
                "the conference is before the strategy discussion that started its enquiry"
            )
        ],
        6: [("CIN Start Date", "CIN Closure Date", "closed before it started")],
        7: [("Child Protection Plan Start Date", "Child Protection Plan End Date", "the plan ends before it starts")],
        8: [("Date Started to be Looked After", "Date Ceased to be Looked After", "ceased to be looked after before starting")],
    ]

    /// The lists whose days cannot come before a birth. Contacts, referrals, assessments, enquiries and even child
    /// protection plans can (pre-birth assessments and plans for unborn babies), so those lists are not checked for it.
    static let afterBirth: Set<Int> = [8, 9, 10]

    init(lists: [AnnexA.List], day: ISODay) {
        for list in lists {
            let born = Self.afterBirth.contains(list.number) ? list.headers.firstIndex(of: "Date of Birth") : nil
            var seen: Set<[AnnexA.Value]> = []
            for (index, row) in list.rows.enumerated() {
                let child = list.rowChildren[index]
                func problem(_ column: Int, _ why: String) {
                    problems.append(
                        AnnexA.Problem(
                            list: list.number, row: index + 2, child: child, column: list.headers[column],
                            value: row[column].inWords, why: why))
                }
                for (column, value) in row.enumerated() {
                    guard case .date(let date) = value else { continue }
                    if date > day { problem(column, "after the day the lists are drawn up for (\(day))") }
                    if let born, column != born, case .date(let birth) = row[born], date < birth {
                        problem(column, "before the child was born (\(birth))")
                    }
                }
                for (start, end, why) in Self.orderings[list.number] ?? [] {
                    guard let s = list.headers.firstIndex(of: start), let e = list.headers.firstIndex(of: end),
                        case .date(let began) = row[s], case .date(let ended) = row[e], ended < began
                    else { continue }
                    problem(e, "\(why) (\(began))")
                }
                if !seen.insert(row).inserted { problem(0, "the same row appears twice in the list") }
            }
        }
        crossCheck(lists)
    }

    private mutating func crossCheck(_ lists: [AnnexA.List]) {
        guard lists.count == 11 else { return }
        let inNeed = Set(lists[5].rowChildren), onPlans = Set(lists[6].rowChildren)
        for (index, child) in lists[6].rowChildren.enumerated() where !inNeed.contains(child) {
            problems.append(
                AnnexA.Problem(
                    list: 7, row: index + 2, child: child, column: lists[6].headers[0], value: child,
                    why: "on a child protection plan in the period but not in list 6 (children in need)"))
        }
        let resulted = lists[4].headers.firstIndex(of: "Did the Initial Child Protection Conference Result in a Child Protection Plan")!
        for (index, row) in lists[4].rows.enumerated() where row[resulted] == .text("Yes") && !onPlans.contains(lists[4].rowChildren[index]) {
            problems.append(
                AnnexA.Problem(
                    list: 5, row: index + 2, child: lists[4].rowChildren[index], column: lists[4].headers[resulted], value: "Yes",
                    why: "the conference resulted in a plan, but the child is not in list 7 (child protection)"))
        }
    }
}
