import Foundation

/// A date as GOV.UK's date input sends it, in three boxes (`on-day=6&on-month=12&on-year=2026`), or as a link writes
/// it, in one (`on=2026-12-06`): each query and form that takes a date reads it here, so both come to the same text.
public enum DateField {
    /// The date written yyyy-mm-dd: the link's one parameter when given, else the three boxes put together (a day or
    /// month of one digit padded, so 6, 12, 2026 read 2026-12-06); "" when nothing was given. Boxes that do not make a
    /// date are kept as typed (2026-02-31, 2026-12-), for the page to read as no date or to say why.
    public static func read(_ name: String, from value: (String) -> String?) -> String {
        if let whole = value(name)?.trimmingCharacters(in: .whitespaces), !whole.isEmpty { return whole }
        let parts = ["year", "month", "day"].map { (value("\(name)-\($0)") ?? "").trimmingCharacters(in: .whitespaces) }
        guard parts.contains(where: { !$0.isEmpty }) else { return "" }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        func padded(_ text: String) -> String { text.count == 1 && text.allSatisfy(\.isNumber) ? "0" + text : text }
        return "\(year)-\(padded(month))-\(padded(day))"
    }

    /// The three boxes' text for a date written yyyy-mm-dd (6, 12, 2026 for 2026-12-06), or as typed otherwise.
    public static func parts(of text: String) -> (day: String, month: String, year: String) {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 3 else { return ("", "", text) }
        func unpadded(_ text: String) -> String { text.count == 2 && text.hasPrefix("0") ? String(text.dropFirst()) : text }
        return (unpadded(pieces[2]), unpadded(pieces[1]), pieces[0])
    }
}
