import Vapor
import WaymarkDomain
import WaymarkSpreadsheet
import WaymarkTimescales

/// Every setting Waymark reads, read in one place. Start-up fails with one line for each missing or
/// invalid setting rather than stopping at the first.
public struct Settings: Sendable, Equatable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: Database
    public var hostname: String
    public var port: Int
    public var logLevel: Logger.Level
    /// Mark cookies Secure: on whenever Waymark is reached over HTTPS (behind a TLS proxy).
    public var secureCookies: Bool
    /// Minutes without activity before a signed-in session ends.
    public var idleTimeoutMinutes: Int
    /// Hours after signing in that a session ends, however busy.
    public var sessionLifetimeHours: Int = 12
    /// Run migrations and load reference data at start-up.
    public var autoMigrate: Bool
    /// `waymark serve` loads the demo (the borough's organisations, service areas and teams, its plans, made-up
    /// children) and the first administrator into an empty database. On by default only for the embedded SQLite
    /// database under ./data: a database the person named gets no made-up data unless they ask.
    public var loadDemoData: Bool
    /// With the demo data: how many made-up children to generate into a database that has none (0: none).
    public var demoChildren: Int = 2_000
    /// With the demo data: how many case audits to make over the demo's year, drawn from children looked after, on a
    /// plan or in need (unset: a third of the children looked after, as the council audits). For benchmarks.
    public var demoAudits: Int?
    /// The headless browser that prints board reports to PDF.
    public var chromium: String = "chromium"
    /// Children aged 0 to 17 living in the area (the ONS mid-year estimate), for rates per 10,000 children; unset, no
    /// rates are shown.
    public var childPopulation: Int?
    /// The council's local timescale choices (child protection visits, strategy discussions, care leaver contact).
    public var timescales = TimescaleSettings()
    /// How often each open child's case must be discussed in supervision, by status (management oversight).
    public var caseDiscussions = CaseDiscussionIntervals()
    /// Months after a case graded inadequate overall is settled within which it is audited again.
    public var reauditMonths = Reaudit.defaultMonths
    /// The share of grades (percent) first and second auditors must agree on, over the last 12 months, before audits a
    /// second auditor grades stop all going to an external moderator too (`TripleLock`).
    public var agreementTargetPercent = 80
    /// A newer GOV.UK bank holidays file (https://www.gov.uk/bank-holidays.json), in place of the one Waymark ships.
    public var bankHolidaysFile: String?
    /// Addresses of the proxies in front of Waymark (a TLS terminator, a load balancer): from these, the person's own
    /// address is read from `X-Forwarded-For`, for the sign-in throttle.
    public var trustedProxies: Set<String> = []
    /// How much of one uploaded or imported file the readers take before refusing it.
    public var readLimits = ReadLimits.standard

    public static let defaultSQLitePath = "data/waymark.sqlite"

    public struct Problems: Error, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    /// Reads the settings from environment variables (docs/configuration.md lists them).
    public static func load(from environment: [String: String]) throws(Problems) -> Settings {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func flag(_ name: String, default fallback: Bool) -> Bool {
            guard let raw = value(name) else { return fallback }
            switch raw.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name)=\(raw) is not valid: use true or false.")
                return fallback
            }
        }
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = value(name) else { return fallback }
            guard let number = Int(raw), range.contains(number) else {
                problems.append("\(name)=\(raw) is not valid: use a whole number from \(range.lowerBound) to \(range.upperBound).")
                return fallback
            }
            return number
        }

        let database: Database
        switch value("DATABASE_URL") {
        case nil:
            database = .sqlite(path: defaultSQLitePath)
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            if URL(string: url)?.host == nil {
                problems.append("DATABASE_URL is not a valid PostgreSQL address: use postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
            }
            database = .postgres(url: url)
        case let url? where url.contains("://"):
            problems.append("DATABASE_URL must start with postgres:// for PostgreSQL, or be the path of a SQLite file.")
            database = .sqlite(path: defaultSQLitePath)
        case let path?:
            database = .sqlite(path: path.hasPrefix("sqlite:") ? String(path.dropFirst("sqlite:".count)) : path)
        }

        let logLevel: Logger.Level
        if let raw = value("LOG_LEVEL") {
            if raw.lowercased() == "trace" {
                // The database drivers log SQL with its values at trace: that would put personal data in the log.
                problems.append("LOG_LEVEL=trace is not allowed: it would write database values to the log. Use debug at most.")
                logLevel = .debug
            } else if let level = Logger.Level(rawValue: raw.lowercased()) {
                logLevel = level
            } else {
                problems.append(
                    "LOG_LEVEL=\(raw) is not valid: use one of \(Logger.Level.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")).")
                logLevel = .info
            }
        } else {
            logLevel = .info
        }

        let isSQLite = if case .sqlite = database { true } else { false }
        let settings = Settings(
            database: database,
            hostname: value("WAYMARK_HOST") ?? "127.0.0.1",
            port: integer("WAYMARK_PORT", default: 8080, range: 1...65535),
            logLevel: logLevel,
            secureCookies: flag("WAYMARK_SECURE_COOKIES", default: false),
            idleTimeoutMinutes: integer("WAYMARK_IDLE_TIMEOUT_MINUTES", default: 30, range: 1...720),
            sessionLifetimeHours: integer("WAYMARK_SESSION_HOURS", default: 12, range: 1...168),
            // Several servers share one PostgreSQL: there, migrate once with `waymark migrate` unless told otherwise.
            autoMigrate: flag("WAYMARK_AUTO_MIGRATE", default: isSQLite),
            loadDemoData: flag("WAYMARK_DEMO_DATA", default: value("DATABASE_URL") == nil),
            demoChildren: integer("WAYMARK_DEMO_CHILDREN", default: 2_000, range: 0...1_000_000),
            demoAudits: value("WAYMARK_DEMO_AUDITS").map { _ in integer("WAYMARK_DEMO_AUDITS", default: 0, range: 1...100_000) },
            chromium: value("WAYMARK_CHROMIUM") ?? "chromium",
            childPopulation: value("WAYMARK_CHILD_POPULATION").map { _ in integer("WAYMARK_CHILD_POPULATION", default: 0, range: 1...20_000_000) },
            timescales: TimescaleSettings(
                protectionVisitWorkingDays: integer("WAYMARK_CP_VISIT_WORKING_DAYS", default: 10, range: 1...60),
                strategyDiscussionWorkingDays: integer("WAYMARK_STRATEGY_DISCUSSION_WORKING_DAYS", default: 5, range: 0...30),
                careLeaverContactWeeks: integer("WAYMARK_CARE_LEAVER_CONTACT_WEEKS", default: 8, range: 1...52),
                childInNeedVisitWorkingDays: integer("WAYMARK_CIN_VISIT_WORKING_DAYS", default: 20, range: 1...60),
                childInNeedReviewMonths: integer("WAYMARK_CIN_REVIEW_MONTHS", default: 3, range: 1...12)),
            caseDiscussions: CaseDiscussionIntervals(
                protectionPlanDays: integer("WAYMARK_CASE_DISCUSSION_CP_DAYS", default: 28, range: 7...180),
                inNeedDays: integer("WAYMARK_CASE_DISCUSSION_CIN_DAYS", default: 42, range: 7...180),
                lookedAfterDays: integer("WAYMARK_CASE_DISCUSSION_CLA_DAYS", default: 42, range: 7...180)),
            reauditMonths: integer("WAYMARK_REAUDIT_MONTHS", default: Reaudit.defaultMonths, range: 1...12),
            agreementTargetPercent: integer("WAYMARK_AGREEMENT_TARGET_PERCENT", default: 80, range: 50...100),
            bankHolidaysFile: value("WAYMARK_BANK_HOLIDAYS"),
            trustedProxies: Set(
                (value("WAYMARK_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }),
            readLimits: ReadLimits(
                xmlDepth: integer("WAYMARK_MAX_XML_DEPTH", default: ReadLimits.standard.xmlDepth, range: 8...1_000),
                rows: integer("WAYMARK_MAX_ROWS", default: ReadLimits.standard.rows, range: 1_000...100_000_000),
                fieldsPerRow: integer("WAYMARK_MAX_FIELDS", default: ReadLimits.standard.fieldsPerRow, range: 50...100_000),
                valueBytes: integer("WAYMARK_MAX_VALUE_BYTES", default: ReadLimits.standard.valueBytes, range: 1_024...100_000_000),
                unpackedBytes: integer("WAYMARK_MAX_UNPACKED_MB", default: ReadLimits.standard.unpackedBytes / 1_048_576, range: 1...4_096)
                    * 1_048_576)
        )
        guard problems.isEmpty else { throw Problems(lines: problems) }
        return settings
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }

    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:) sets the settings before anything reads them") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
