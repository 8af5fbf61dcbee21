import Foundation

/// A progress update as typed into the form, and the rules it must meet before it is stored.
public struct ActionUpdateInput: Sendable, Equatable {
    public var commentary: String
    public var status: String
    public var progress: String
    public var rag: String
    public var ragReason: String
    /// One link per line.
    public var evidence: String

    public init(commentary: String, status: String, progress: String, rag: String, ragReason: String, evidence: String) {
        self.commentary = commentary
        self.status = status
        self.progress = progress
        self.rag = rag
        self.ragReason = ragReason
        self.evidence = evidence
    }

    public struct Checked: Sendable, Equatable {
        public var commentary: String
        public var status: ActionStatus
        public var progress: Int
        public var rag: RAG?
        public var ragReason: String?
        public var evidenceLinks: [String]
    }

    /// The update, or a message for each field that is wrong, in form order.
    public func check() -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        let commentary = String(self.commentary.trimmingWhitespace)
        if commentary.isEmpty {
            mistakes.append(.init(field: "commentary", message: "Enter what has happened since the last update"))
        } else if commentary.count > 5000 {
            mistakes.append(.init(field: "commentary", message: "Commentary must be 5,000 characters or fewer"))
        }
        let status = ActionStatus(rawValue: self.status)
        if status == nil { mistakes.append(.init(field: "status", message: "Choose a status")) }
        let progress = Int(self.progress.trimmingWhitespace)
        if progress.map({ !(0...100).contains($0) }) ?? true {
            mistakes.append(.init(field: "progress", message: "Enter progress as a whole number from 0 to 100"))
        } else if status == .complete, progress != 100 {
            mistakes.append(.init(field: "progress", message: "A complete action is 100% complete"))
        }
        var rag: RAG?
        if !self.rag.isEmpty {
            rag = RAG(rawValue: self.rag)
            if rag == nil { mistakes.append(.init(field: "rag", message: "Choose red, amber, green or not rated")) }
        }
        let reason = String(ragReason.trimmingWhitespace)
        if let rag, rag.needsReason, reason.isEmpty {
            mistakes.append(.init(field: "ragReason", message: "Say why the action is \(rag.rawValue)"))
        }
        let links = evidence.split(whereSeparator: \.isNewline).map { String(String($0).trimmingWhitespace) }.filter { !$0.isEmpty }
        for link in links where !Self.isWebAddress(link) {
            mistakes.append(.init(field: "evidence", message: "\"\(link)\" is not a web address starting https://"))
        }
        guard mistakes.isEmpty, let status, let progress else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            Checked(
                commentary: commentary, status: status, progress: progress, rag: rag,
                ragReason: reason.isEmpty ? nil : reason, evidenceLinks: links))
    }

    /// A real https address: one that parses as a URL with a host, holding none of the characters that could end a
    /// link's markup or hide where it goes (quotes, angle brackets, backslashes, spaces, control characters).
    public static func isWebAddress(_ link: String) -> Bool {
        guard link.lowercased().hasPrefix("https://"),
            !link.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) }),
            let url = URLComponents(string: link), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
