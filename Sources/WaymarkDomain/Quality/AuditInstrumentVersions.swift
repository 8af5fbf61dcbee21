import Foundation

/// An instrument's versions: a draft is started from the version before it (its file copied with the next number) and
/// shows what it changes, so a QA lead publishing it, and an auditor reading it, know what is new. A published version
/// never changes; its audits keep it.
extension AuditInstrument {
    /// What `self` changes from `earlier`, in words, in file order: the scale, the questions asked first, and each domain
    /// and item added, removed or reworded (matched by id, as audits keep them). Empty when nothing an auditor sees changed.
    public func changes(from earlier: AuditInstrument) -> [String] {
        var changes: [String] = []
        if name != earlier.name { changes.append("Renamed from \"\(earlier.name)\".") }
        if scale.grades != earlier.scale.grades {
            changes.append("The grades are now \(scale.grades.joined(separator: ", ")) (were \(earlier.scale.grades.joined(separator: ", "))).")
        }
        if scale.acceptable != earlier.scale.acceptable {
            changes.append("A grade below \(scale.acceptable) now needs a rationale (was below \(earlier.scale.acceptable)).")
        }
        if openingPrompts != earlier.openingPrompts { changes.append("The questions asked first are changed.") }
        let before = Dictionary(earlier.domains.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for domain in domains {
            guard let old = before[domain.id] else {
                changes.append("Domain added: \(domain.title) (\(domain.items.count) \(domain.items.count == 1 ? "item" : "items")).")
                continue
            }
            if domain.title != old.title { changes.append("Domain \"\(old.title)\" is now called \"\(domain.title)\".") }
            if domain.standards != old.standards { changes.append("\(domain.title): the practice standards it is judged against are changed.") }
            let oldItems = Dictionary(old.items.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            for item in domain.items {
                switch oldItems[item.id] {
                case nil: changes.append("\(domain.title): item added: \"\(item.text)\"")
                case let text? where text != item.text: changes.append("\(domain.title): item reworded: \"\(item.text)\" (was \"\(text)\")")
                default: break
                }
            }
            let kept = Set(domain.items.map(\.id))
            for item in old.items where !kept.contains(item.id) { changes.append("\(domain.title): item removed: \"\(item.text)\"") }
        }
        let kept = Set(domains.map(\.id))
        for domain in earlier.domains where !kept.contains(domain.id) { changes.append("Domain removed: \(domain.title).") }
        return changes
    }

    /// A file's text with its top-level `version:` set to `version`, everything else (comments, layout) as it was; nil
    /// when the file has no top-level `version:` line to set.
    public static func text(_ text: String, withVersion version: Int) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("version:") }) else { return nil }
        lines[index] = "version: \(version)"
        return lines.joined(separator: "\n")
    }
}
