/// The census period a CIN census is checked against: 1 April to 31 March, the reference date being its last day.
public struct CINCensusPeriod: Sendable, Equatable {
    public let start: Int32
    public let end: Int32

    public init(_ year: CollectionYear) {
        start = year.start
        end = year.end
    }

    /// The year that ends on `referenceDate`: to compare with a tool that takes its dates from the file's header.
    public init(endingOn referenceDate: Int32) {
        end = referenceDate
        start = Days.birthday(-1, born: referenceDate) + 1
    }

    func contains(_ day: Int32) -> Bool { day >= start && day <= end }
}

/// What the CIN rules read: the tables, the census period, and each child's and episode's rows in every table, worked
/// out once so that no rule searches a table.
public struct CINCensusData: Sendable {
    public let period: CINCensusPeriod
    public let tables: [CINTable: ValidationTable]
    /// For every row below the child, the child's row in `ChildIdentifiers`; for every row below an episode, its row in
    /// `CINdetails`; for every review, its plan's row.
    let childOf: [CINTable: [Int]], episodeOf: [CINTable: [Int]], planOfReview: [Int]
    /// Each child's rows in a table, by the child's row in `ChildIdentifiers`.
    let rowsOfChild: [CINTable: [[Int]]]
    /// Each episode's rows in a table, by the episode's row in `CINdetails`.
    let rowsOfEpisode: [CINTable: [[Int]]]
    /// Each assessment's factors.
    let factors: [[String]]

    public init(_ file: CINCensusFile, period: CINCensusPeriod) {
        self.period = period
        tables = file.tables
        childOf = file.childOf
        episodeOf = file.episodeOf
        planOfReview = file.planOfReview
        factors = file.factors
        let children = file.tables[.childIdentifiers]?.count ?? 0, episodes = file.tables[.cinDetails]?.count ?? 0
        func group(_ owners: [Int], count: Int) -> [[Int]] {
            var groups = Array(repeating: [Int](), count: count)
            for (row, owner) in owners.enumerated() { groups[owner].append(row) }
            return groups
        }
        rowsOfChild = file.childOf.mapValues { group($0, count: children) }
        rowsOfEpisode = file.episodeOf.mapValues { group($0, count: episodes) }
    }

    subscript(table: CINTable) -> CINColumns { CINColumns(table: tables[table]!) }

    /// A child's rows in a table.
    func rows(_ table: CINTable, ofChild child: Int) -> [Int] { rowsOfChild[table]?[child] ?? [] }

    /// An episode's rows in a table.
    func rows(_ table: CINTable, ofEpisode episode: Int) -> [Int] { rowsOfEpisode[table]?[episode] ?? [] }

    /// The child's row in `ChildIdentifiers` for a row of a table.
    func child(_ table: CINTable, _ row: Int) -> Int { table == .childIdentifiers ? row : childOf[table]![row] }

    /// The episode's row in `CINdetails` for a row of a table below it.
    func episode(_ table: CINTable, _ row: Int) -> Int { table == .cinDetails ? row : episodeOf[table]![row] }
}
