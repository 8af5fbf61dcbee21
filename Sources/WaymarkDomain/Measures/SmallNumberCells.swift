/// Counts in a table shared beyond those who may see the children (issue 30: the partnership's summary of case
/// audits): a count from 1 to 4 is not shown ("fewer than 5"); where a row shows its total, a single hidden count could
/// be worked back from the others, so the next smallest is hidden too (secondary suppression, as the DfE's own
/// statistics do); and a share is shown only when its count is, and its total is not withheld (`withheld(counted:)`).
extension SmallNumbers {
    /// The smallest count shown in a cell.
    public static let fewestInACell = 5

    public enum Cell: Sendable, Equatable {
        case shown(Int)
        case suppressed
    }

    /// One count on its own.
    public static func cell(_ count: Int) -> Cell { (1..<fewestInACell).contains(count) ? .suppressed : .shown(count) }

    /// A row of counts shown beside their total: each from 1 to 4 hidden, and while exactly one is hidden the smallest
    /// count still shown that is not 0 is hidden too (0 of a grade points to no one).
    public static func row(_ counts: [Int]) -> [Cell] {
        var cells = counts.map(cell)
        while cells.filter({ $0 == .suppressed }).count == 1 {
            let shown = cells.indices.filter { cells[$0] != .suppressed && counts[$0] > 0 }
            guard let smallest = shown.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else { break }
            cells[smallest] = .suppressed
        }
        return cells
    }

    /// A share of a total, or nil where it would give a hidden count away or rests on too few.
    public static func share(_ part: Int, of total: Int) -> Double? {
        guard total > 0, !withheld(counted: total), cell(part) != .suppressed else { return nil }
        return Double(part) / Double(total)
    }
}
