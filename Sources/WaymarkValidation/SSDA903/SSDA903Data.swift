import WaymarkReturns

/// What the SSDA903 rules read: this year's tables, last year's where given, the collection year, and each child's
/// rows gathered once (their header row, their episodes in date order) so that no rule searches a table.
public struct SSDA903Data: Sendable {
    public let year: CollectionYear
    public let tables: [SSDA903Table: ValidationTable]
    /// Last year's return, for the rules that compare with it.
    public let previous: PreviousYear?
    /// Each child's header row (the first, where a child has more than one).
    public let headerRow: [String: Int]
    /// Each child's episodes, in the order they began (ties in file order).
    public let episodes: [String: [Int]]
    /// The children with episodes, in the order they first appear.
    public let childrenWithEpisodes: [String]

    public struct PreviousYear: Sendable {
        public let tables: [SSDA903Table: ValidationTable]
        public let headerRow: [String: Int]
        public let episodes: [String: [Int]]
    }

    public init(_ files: SSDA903Files, year: CollectionYear, previous: SSDA903Files? = nil) {
        self.year = year
        tables = files.tables
        (headerRow, episodes, childrenWithEpisodes) = Self.index(files.tables)
        if let previous {
            let (header, episodes, _) = Self.index(previous.tables)
            self.previous = PreviousYear(tables: previous.tables, headerRow: header, episodes: episodes)
        } else {
            self.previous = nil
        }
    }

    private static func index(_ tables: [SSDA903Table: ValidationTable]) -> ([String: Int], [String: [Int]], [String]) {
        var headerRow: [String: Int] = [:]
        if let header = tables[.header] {
            for (row, child) in header.column("CHILD").enumerated() where headerRow[child] == nil { headerRow[child] = row }
        }
        var episodes: [String: [Int]] = [:], order: [String] = []
        if let table = tables[.episodes] {
            let starts = table.days("DECOM")
            for (row, child) in table.column("CHILD").enumerated() {
                if episodes[child] == nil { order.append(child) }
                episodes[child, default: []].append(row)
            }
            for child in order { episodes[child]!.sort { (starts[$0], $0) < (starts[$1], $1) } }
        }
        return (headerRow, episodes, order)
    }

    public subscript(table: SSDA903Table) -> ValidationTable? { tables[table] }
}

extension ValidationTable {
    public subscript(column: SSDA903Column) -> [String] { self.column(column.rawValue) }
    public func days(_ column: SSDA903Column) -> [Int32] { days(column.rawValue) }
}

extension SSDA903Data {
    /// A child's periods of care: runs of episodes, each beginning the day the one before it ended.
    func periods(of child: String) -> [[Int]] {
        guard let rows = episodes[child], let table = tables[.episodes] else { return [] }
        let starts = table.days(.decom), ends = table.days(.dec)
        var periods: [[Int]] = []
        for row in rows {
            if let last = periods.last?.last, ends[last] == starts[row], Days.isDay(starts[row]) {
                periods[periods.count - 1].append(row)
            } else {
                periods.append([row])
            }
        }
        return periods
    }

    /// Children looked after on 31 March who have been looked after without a break for the 12 months before it,
    /// short breaks (V3, V4) aside: the DfE's "looked after continuously for 12 months at 31 March" (the OC2 cohort).
    func continuouslyLookedAfter(_ child: String) -> Bool {
        guard let table = tables[.episodes] else { return false }
        let starts = table.days(.decom), ends = table.days(.dec), ls = table[.ls]
        for period in periods(of: child) {
            let kept = period.filter { ls[$0] != "V3" && ls[$0] != "V4" }
            guard let first = kept.first, let last = kept.last else { continue }
            let end = ends[last]
            if starts[first] <= year.start && (end == Days.blank || end > year.end) { return true }
        }
        return false
    }

    /// The child's age in whole years on a day (nil where the header has no date of birth for them).
    func age(_ child: String, on day: Int32) -> Int? {
        let dob = born(child)
        guard Days.isDay(dob), Days.isDay(day) else { return nil }
        return Days.age(born: dob, on: day)
    }
}
