import WaymarkDomain
import WaymarkReturns

/// What the SSDA903 rules read: the tables, the collection year, and what many rules need worked out once (each
/// child's header row and episodes in date order, the episodes' columns, the OC2 cohort), so that no rule searches a
/// table or works the same thing out again.
public struct SSDA903Data: Sendable {
    public let year: CollectionYear
    public let tables: [SSDA903Table: ValidationTable]
    /// Each child's header row (the first, where a child has more than one).
    let headerRow: [String: Int]
    /// Each child's episodes, in the order they began (ties in file order).
    let episodes: [String: [Int]]
    /// The children with episodes, in the order they first appear.
    let childrenWithEpisodes: [String]
    /// The episodes table's columns, with each episode's next; nil when the return has no episodes table.
    let episodeColumns: EpisodeColumns?
    /// Children looked after on 31 March who have been looked after without a break for the 12 months before it,
    /// short breaks (V3, V4) aside: the DfE's "looked after continuously for 12 months at 31 March" (the OC2 cohort).
    let continuouslyLookedAfter: Set<String>
    /// Each child's dated decisions that they should be placed for adoption (the placed for adoption table), earliest
    /// first: the last is the decision in force. A decision has ceased where the return gives the date or the reason
    /// the child should no longer be placed for adoption.
    let decisions: [String: [(row: Int, day: Int32, ceased: Bool)]]
    /// The header's dates of birth, row by row.
    private let births: [Int32]
    /// Last year's return, read the same way for the year before, where it was given.
    private let lastYearsReturn: LastYearsReturn?

    public init(_ files: SSDA903Files, year: CollectionYear, lastYear: SSDA903Files? = nil) {
        self.year = year
        tables = files.tables
        lastYearsReturn = lastYear.map { LastYearsReturn(SSDA903Data($0, year: year.previous)) }
        var headerRow: [String: Int] = [:]
        if let header = files.tables[.header] {
            for (row, child) in header[.child].enumerated() where headerRow[child] == nil { headerRow[child] = row }
        }
        self.headerRow = headerRow
        births = files.tables[.header]?.days(.dob) ?? []
        var episodes: [String: [Int]] = [:], order: [String] = []
        if let table = files.tables[.episodes] {
            let starts = table.days(.decom)
            for (row, child) in table[.child].enumerated() {
                if episodes[child] == nil { order.append(child) }
                episodes[child, default: []].append(row)
            }
            for child in order { episodes[child]!.sort { (starts[$0], $0) < (starts[$1], $1) } }
        }
        self.episodes = episodes
        childrenWithEpisodes = order
        episodeColumns = files.tables[.episodes].map { EpisodeColumns($0, episodes: episodes) }
        decisions =
            files.tables[.placedForAdoption].map { table in
                let placed = table.days(.datePlaced), ceased = table[.datePlacedCeased], reason = table[.reasonPlacedCeased]
                return table.rowsByChild.compactMapValues { rows in
                    let dated = rows.filter { Days.isDay(placed[$0]) }
                        .map { (row: $0, day: placed[$0], ceased: !ceased[$0].isEmpty || !reason[$0].isEmpty) }
                        .sorted { ($0.day, $0.row) < ($1.day, $1.row) }
                    return dated.isEmpty ? nil : dated
                }
            } ?? [:]
        continuouslyLookedAfter =
            episodeColumns.map { e in
                Set(order.filter { child in Self.periods(episodes[child]!, e).contains { Self.spansTheYear($0, e, year) } })
            } ?? []
    }

    /// A period of care that, short breaks aside, began by 1 April and was still open after 31 March.
    private static func spansTheYear(_ period: [Int], _ e: EpisodeColumns, _ year: CollectionYear) -> Bool {
        let kept = period.filter { e.ls[$0] != "V3" && e.ls[$0] != "V4" }
        guard let first = kept.first, let last = kept.last else { return false }
        return e.starts[first] <= year.start && (e.ends[last] == Days.blank || e.ends[last] > year.end)
    }

    /// Runs of episodes (in date order), each beginning the day the one before it ended; an episode begun with S
    /// (started to be looked after) begins a new one, even on that day (504, 381).
    private static func periods(_ rows: [Int], _ e: EpisodeColumns) -> [[Int]] {
        var periods: [[Int]] = []
        for row in rows {
            if let last = periods.last?.last, e.ends[last] == e.starts[row], Days.isDay(e.starts[row]), e.rne[row] != "S" {
                periods[periods.count - 1].append(row)
            } else {
                periods.append([row])
            }
        }
        return periods
    }

    public subscript(table: SSDA903Table) -> ValidationTable? { tables[table] }

    /// Last year's return, for the rules that compare with it.
    var lastYear: SSDA903Data? { lastYearsReturn?.data }
}

/// Last year's return in a box: a value cannot hold another of its own type.
private final class LastYearsReturn: Sendable {
    let data: SSDA903Data
    init(_ data: SSDA903Data) { self.data = data }
}

extension ValidationTable {
    public subscript(column: SSDA903Column) -> [String] { self.column(column.rawValue) }
    public func days(_ column: SSDA903Column) -> [Int32] { days(column.rawValue) }
    public func has(_ column: SSDA903Column) -> Bool { has(column.rawValue) }

    /// The table's rows child by child, in file order.
    var rowsByChild: [String: [Int]] {
        var byChild: [String: [Int]] = [:]
        for (row, child) in self[.child].enumerated() { byChild[child, default: []].append(row) }
        return byChild
    }
}

extension SSDA903Data {
    /// A child's periods of care: runs of episodes, each beginning the day the one before it ended.
    func periods(of child: String) -> [[Int]] {
        guard let rows = episodes[child], let e = episodeColumns else { return [] }
        return Self.periods(rows, e)
    }

    /// The child's date of birth from the header (`Days.blank` where there is none).
    func born(_ child: String) -> Int32 {
        headerRow[child].map { births[$0] } ?? Days.blank
    }

    /// The child's age in whole years on a day (nil where the header has no date of birth for them).
    func age(_ child: String, on day: Int32) -> Int? {
        let dob = born(child)
        guard Days.isDay(dob), Days.isDay(day) else { return nil }
        return Days.age(born: dob, on: day)
    }
}

extension SSDA903Data {
    /// Looked after on 31 March: the child's last episode had begun by then and had not ended before it.
    func lookedAfterAtYearEnd(_ child: String) -> Bool {
        guard let last = episodes[child]?.last, let e = episodeColumns, Days.isDay(e.starts[last]) else { return false }
        return e.starts[last] <= year.end && (e.ends[last] == Days.blank || e.ends[last] > year.end)
    }

    /// Looked after at some time in the year: an episode began by 31 March and had not ended before 1 April.
    /// An end written the wrong way (`Days.misformatted`, reported for its column) may be in the year: counted as one.
    func lookedAfterInYear(_ child: String, counting counts: (Int) -> Bool = { _ in true }) -> Bool {
        guard let e = episodeColumns else { return false }
        return (episodes[child] ?? []).contains { row in
            counts(row) && Days.isDay(e.starts[row]) && e.starts[row] <= year.end
                && (e.ends[row] == Days.blank || e.ends[row] == Days.misformatted || e.ends[row] >= year.start)
        }
    }

    /// Looked after on a day: an episode had begun by it and had not ended before it.
    func lookedAfter(_ child: String, on day: Int32) -> Bool {
        guard let e = episodeColumns, Days.isDay(day) else { return false }
        return (episodes[child] ?? []).contains { row in
            Days.isDay(e.starts[row]) && e.starts[row] <= day && (e.ends[row] == Days.blank || e.ends[row] > day)
        }
    }

    /// The episode in which the child last started to be looked after (reason for new episode S), if the return has it.
    func startedToBeLookedAfter(_ child: String) -> Int? {
        guard let e = episodeColumns else { return nil }
        return episodes[child]?.last { e.rne[$0] == "S" }
    }

    /// A table's rows child by child, in file order (none where the return does not have the table).
    func rowsByChild(_ table: SSDA903Table) -> [String: [Int]] { tables[table]?.rowsByChild ?? [:] }
}
