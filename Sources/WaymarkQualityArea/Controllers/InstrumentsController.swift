import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Audit instruments kept in Waymark: the versions, a draft started from the version before it (or from the default
/// Waymark ships), edited as its file, checked whole on every save, and published, after which it never changes.
enum InstrumentsController {
    /// The largest instrument file taken: the default is 4 KB.
    static let largestFile = 100_000
    static let largestBody: ByteCount = "512kb"

    @Sendable static func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let versions = try await AuditInstrumentStore.versions(on: req.db)
        let shipped = AuditInstruments.caseFileAudit
        let listed = versions.map { version in
            InstrumentsPage.Listed(
                id: version.id!.uuidString, name: version.name, version: version.version, published: version.state == .published,
                when: status(version))
        }
        return .html(
            InstrumentsPage.render(
                listed, shipped: versions.contains { $0.name == shipped.name } ? nil : shipped, mayManage: mayManage(user),
                context: req.pageContext(InstrumentsPage.title, area: .quality, notice: Notice.from(req)?.message)))
    }

    /// Starts a draft: from the default Waymark ships (`from=default`), or from a kept version, numbered one above the
    /// highest of its name.
    @Sendable static func start(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let from = req.typed("from")
        let versions = try await AuditInstrumentStore.versions(on: req.db)
        let (name, text): (String, String)
        if from == "default" {
            (name, text) = (AuditInstruments.caseFileAudit.name, AuditInstruments.caseFileAuditText)
        } else if let id = UUID(uuidString: from), let version = versions.first(where: { $0.id == id }) {
            (name, text) = (version.name, version.text)
        } else {
            throw Abort(.badRequest, reason: "Choose the version to start the draft from.")
        }
        let highest = versions.filter { $0.name == name }.map(\.version).max()
        let number = highest.map { $0 + 1 } ?? AuditInstruments.caseFileAudit.version
        guard let numbered = AuditInstrument.text(text, withVersion: number) else {
            throw Abort(.conflict, reason: "The file has no version line to number the draft with.")
        }
        let id = try await refusedAsConflict {
            try await AuditInstrumentStore.startDraft(
                name: name, version: number, text: numbered, by: user.displayName, actor: req.auditActor, on: req.db)
        }
        return req.redirect(to: .quality(.instrument(id: id.uuidString)), notice: .instrumentDraftStarted)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let version = try await requireVersion(req)
        return try await page(req, version, text: version.text, mistakes: [])
    }

    /// Saves a draft's file, checked whole: any problem refuses it, each with its path, and nothing is saved.
    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let version = try await requireVersion(req)
        guard version.state == .draft else {
            throw Abort(.conflict, reason: "Version \(version.version) of \(version.name) is published, and a published version never changes.")
        }
        let text = (try? req.content.get(String.self, at: "text")) ?? ""
        guard text.count <= largestFile else {
            return try await page(
                req, version, text: String(text.prefix(largestFile)), mistakes: ["The file is longer than \(largestFile) characters."])
        }
        switch AuditInstruments.read(Data(text.utf8)) {
        case .failure(let problems):
            return try await page(req, version, text: text, mistakes: problems.problems.map(\.description))
        case .success(let instrument):
            do {
                try await AuditInstrumentStore.save(
                    version.requireID(), name: instrument.name, version: instrument.version, text: text, by: user.displayName, actor: req.auditActor,
                    on: req.db)
            } catch let refused as CaseAuditStore.Refused {
                return try await page(req, version, text: text, mistakes: ["version: " + refused.message])
            }
            return req.redirect(to: .quality(.instrument(id: try version.requireID().uuidString)), notice: .instrumentDraftSaved)
        }
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let version = try await requireVersion(req)
        try await refusedAsConflict {
            try await AuditInstrumentStore.publish(version.requireID(), by: user.displayName, actor: req.auditActor, on: req.db)
        }
        return req.redirect(to: .quality(.instrument(id: try version.requireID().uuidString)), notice: .instrumentPublished)
    }

    @Sendable static func discard(req: Request) async throws -> Response {
        let version = try await requireVersion(req)
        try await refusedAsConflict { try await AuditInstrumentStore.discard(version.requireID(), actor: req.auditActor, on: req.db) }
        return req.redirect(to: .quality(.instruments), notice: .instrumentDraftDiscarded)
    }

    /// The version's file as its QA lead wrote it, to keep, share or check with `waymark quality instrument check`.
    @Sendable static func file(req: Request) async throws -> Response {
        let version = try await requireVersion(req)
        let slug = String(version.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
        return .attachment(Data(version.text.utf8), named: "\(slug)-version-\(version.version).yaml", type: "application/yaml; charset=utf-8")
    }

    private static func requireVersion(_ req: Request) async throws -> AuditInstrumentVersion {
        guard let id = UUID(uuidString: try req.parameters.require("instrumentID")),
            let version = try await AuditInstrumentStore.version(id, on: req.db)
        else { throw Abort(.notFound) }
        return version
    }

    private static func mayManage(_ user: User) -> Bool { user.role.permissions.contains(.manageAuditProgrammes) }

    /// "Published on 6 December 2026 by Priya Shah", or "Draft, last saved …".
    static func status(_ version: AuditInstrumentVersion) -> String {
        if version.state == .published, let on = version.publishedAt {
            return "Published on \(ISODay(on).written) by \(version.publishedBy ?? version.savedBy)"
        }
        return "Draft, last saved on \(ISODay(version.savedAt).written) by \(version.savedBy)"
    }

    /// One version's page: what it asks, and what it changes from the latest published version of its name before it
    /// (or, with none, from the default Waymark ships); for those who manage audits, a draft's file to edit, publish or
    /// discard, or the next version to start from the latest published.
    private static func page(_ req: Request, _ version: AuditInstrumentVersion, text: String, mistakes: [String]) async throws -> Response {
        let user = try req.requireSignedIn().user
        let instrument = try AuditInstruments.kept(version.text)
        let same = try await AuditInstrumentStore.versions(on: req.db).filter { $0.name == version.name }
        let earlier = same.filter { $0.state == .published && $0.version < version.version }.max { $0.version < $1.version }
        let shipped = AuditInstruments.caseFileAudit
        let base: (label: String, instrument: AuditInstrument)? =
            if let earlier { ("version \(earlier.version)", try AuditInstruments.kept(earlier.text)) } else if version.name == shipped.name {
                ("the default Waymark ships", shipped)
            } else { nil }
        let latest = version.state == .published && !same.contains { $0.state == .published && $0.version > version.version }
        let model = InstrumentPage.Model(
            id: try version.requireID().uuidString, instrument: instrument, published: version.state == .published, status: status(version),
            changes: base.map { ($0.label, instrument.changes(from: $0.instrument)) }, mayManage: mayManage(user),
            nextVersion: latest ? (same.map(\.version).max() ?? version.version) + 1 : nil, text: text, mistakes: mistakes)
        return .html(
            InstrumentPage.render(
                model, context: req.pageContext("\(version.name), version \(version.version)", area: .quality, notice: Notice.from(req)?.message)),
            status: mistakes.isEmpty ? .ok : .unprocessableEntity)
    }
}
