import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// `waymark quality sample --status looked-after --per-team 2 [--seed N] [--exclude FILE]`: draws the children an
/// audit programme audits from those Waymark holds, seeded and stratified by team, and says how to draw it again.
/// The draw is in the audit trail.
struct SampleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "status",
            help: "Who is in the cohort, by status now (comma-separated): \(SampleCommand.statuses.keys.sorted().joined(separator: ", ")).")
        var status: String?
        @Option(name: "per-team", help: "How many to draw from each team.")
        var perTeam: Int?
        @Option(name: "total", help: "How many to draw in all, shared among the teams in proportion to their size.")
        var total: Int?
        @Option(
            name: "seed", help: "The seed (a whole number): the same seed draws the same children. Without one, a new seed is chosen and printed.")
        var seed: UInt64?
        @Option(name: "exclude", help: "A file of children's local identifiers (one a line) not to draw: those audited lately.")
        var exclude: String?
        init() {}
    }

    static let statuses = Dictionary(uniqueKeysWithValues: AuditProgrammeForm.cohortStatuses.map { ($0.name, $0.status) })

    var help: String { "Draw a seeded sample of children for case audits, stratified by team." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let names = (signature.status ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let statuses = try Set(
            names.map { name in
                guard let status = Self.statuses[name] else {
                    throw CommandFailure("--status: \"\(name)\" is not one of \(Self.statuses.keys.sorted().joined(separator: ", ")).")
                }
                return status
            })
        guard !statuses.isEmpty else { throw CommandFailure("--status: say who is in the cohort, for example --status looked-after.") }
        let quota: AuditSample.Quota
        switch (signature.perTeam, signature.total) {
        case (let each?, nil) where each > 0: quota = .perStratum(each)
        case (nil, let total?) where total > 0: quota = .total(total)
        default: throw CommandFailure("Give one of --per-team N or --total N, a whole number above 0.")
        }
        var excluded: Set<String> = []
        if let path = signature.exclude {
            guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
                throw CommandFailure("There is no file \(path).")
            }
            excluded = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        let seed = signature.seed ?? UInt64.random(in: 1...999_999)
        let db = try await context.database()

        let started = ContinuousClock.now
        let members = try await AuditCohort.members(withStatus: statuses, on: db)
        let excludedIDs = try await AuditCohort.childIDs(ofLocal: excluded, on: db).intersection(members.map(\.childID))
        let read = ContinuousClock.now
        let drawn = AuditSample.draw(
            members.map { AuditSample.Candidate(id: $0.childID, stratum: $0.team) }, quota: quota, seed: seed, excluding: excludedIDs)
        let done = ContinuousClock.now
        let localIDs = try await AuditCohort.localIDs(of: drawn.chosen.map(\.id), on: db)
        // In words for people ("child in need, looked after"); as the options are written to draw it again.
        let described = names.sorted().map { Self.statuses[$0]!.lowercased() }.joined(separator: ", ")
        try await AuditTrail.record(
            .view, recordType: .auditSample, recordID: String(seed),
            detail: "drew \(drawn.chosen.count) of \(drawn.population) (\(described)), seed \(seed)", by: .commandLine, on: db)
        for line in SampleText.lines(drawn, cohort: described, options: names.sorted(), excluded: excludedIDs.count, localIDs: localIDs, quota: quota)
        {
            context.console.print(line)
        }
        // As `performance` and `annex-a` do, the time each part took ends the result.
        context.console.print("")
        context.console.print(
            "Read the cohort of \(members.count) children in \(Self.ms(read - started)) ms; drew the sample in \(Self.ms(done - read)) ms.")
    }

    static func ms(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15)
    }
}

/// The sample as a terminal shows it: how to draw it again, each team's counts, then the children by team.
enum SampleText {
    static func lines(
        _ drawn: AuditSample.Drawn, cohort: String, options statuses: [String], excluded: Int, localIDs: [String: String], quota: AuditSample.Quota
    ) -> [String] {
        let again: String
        switch quota {
        case .perStratum(let each): again = "--per-team \(each)"
        case .total(let total): again = "--total \(total)"
        }
        var lines = [
            "Cohort (\(cohort)): \(drawn.population) children in \(drawn.strata.count) team\(drawn.strata.count == 1 ? "" : "s"); \(excluded) left out as audited lately.",
            "Seed \(drawn.seed): draw the same sample again with --status \(statuses.joined(separator: ",")) \(again) --seed \(drawn.seed).",
            "",
            "TEAM".padding(toLength: 40, withPad: " ", startingAt: 0) + "IN COHORT  ELIGIBLE  DRAWN",
        ]
        for stratum in drawn.strata {
            lines.append(
                stratum.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                    + String(stratum.population).padding(toLength: 11, withPad: " ", startingAt: 0)
                    + String(stratum.eligible).padding(toLength: 10, withPad: " ", startingAt: 0) + String(stratum.drawn))
        }
        lines += ["", "The sample (\(drawn.chosen.count) children):"]
        for candidate in drawn.chosen { lines.append("\(localIDs[candidate.id] ?? candidate.id)  \(candidate.stratum)") }
        return lines
    }
}
