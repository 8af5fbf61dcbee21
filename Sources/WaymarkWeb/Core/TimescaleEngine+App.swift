import Foundation
import Vapor
import WaymarkDomain
import WaymarkTimescales

extension Application {
    private struct TimescaleEngineKey: StorageKey { typealias Value = TimescaleEngine }

    /// The timescale engine with the council's settings and bank holidays, made once at start-up.
    package var timescaleEngine: TimescaleEngine {
        get { storage[TimescaleEngineKey.self] ?? TimescaleEngine(settings: settings.timescales) }
        set { storage[TimescaleEngineKey.self] = newValue }
    }

}

extension TimescaleEngine {
    /// The engine the settings describe, reading `WAYMARK_BANK_HOLIDAYS` when it is set: a file it cannot use stops
    /// start-up, saying why.
    package static func configured(by settings: Settings) throws -> TimescaleEngine {
        var calendar = WorkingDays.englandAndWales
        if let path = settings.bankHolidaysFile {
            do {
                calendar = calendar.updated(with: try BankHolidays.englandAndWales(from: Data(contentsOf: URL(fileURLWithPath: path))))
            } catch let problem as BankHolidays.Problem {
                throw Settings.Problems(lines: ["WAYMARK_BANK_HOLIDAYS=\(path): \(problem)"])
            } catch {
                throw Settings.Problems(lines: ["WAYMARK_BANK_HOLIDAYS=\(path) could not be read: \(error.localizedDescription)"])
            }
        }
        return TimescaleEngine(calendar: calendar, settings: settings.timescales)
    }
}
