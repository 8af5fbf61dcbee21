import Foundation

/// Bank holidays read from GOV.UK's own file (https://www.gov.uk/bank-holidays.json), so a council can replace
/// Waymark's copy with the one GOV.UK publishes, without a new release. Only the England and Wales division is read.
public enum BankHolidays {
    /// Why a bank holiday file cannot be used, with where in it.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    private struct File: Decodable {
        struct Division: Decodable {
            struct Event: Decodable { var title: String?; var date: String }
            var events: [Event]
        }
        var englandAndWales: Division?
        enum CodingKeys: String, CodingKey { case englandAndWales = "england-and-wales" }
    }

    /// The England and Wales bank holidays of a file in GOV.UK's format.
    public static func englandAndWales(from data: Data) throws -> WorkingDays {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw Problem(
                description:
                    "not a bank holiday file in GOV.UK's format (https://www.gov.uk/bank-holidays.json): it could not be read as JSON with \"england-and-wales\" → \"events\""
            )
        }
        guard let division = file.englandAndWales, !division.events.isEmpty else {
            throw Problem(description: "the file has no \"england-and-wales\" events")
        }
        var days: Set<ISODay> = []
        for (index, event) in division.events.enumerated() {
            guard let day = ISODay(event.date) else {
                throw Problem(description: "england-and-wales.events[\(index)].date \"\(event.date)\": not a date written yyyy-mm-dd")
            }
            days.insert(day)
        }
        return WorkingDays(bankHolidays: days)
    }
}
