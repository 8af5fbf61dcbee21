/// A case discussion in words: on the session's page and as management oversight on the child's chronology.
public enum CaseDiscussionWords {
    /// "Update the safety plan (Ana Silva, due 11 December 2026)"; nil when no action was set.
    public static func action(_ action: String?, owner: String?, due: String?) -> String? {
        guard let action, !action.isEmpty else { return nil }
        let by = [owner.flatMap { $0.isEmpty ? nil : $0 }, due.flatMap { ISODay($0) }.map { "due \($0.written)" }].compactMap { $0 }
        return by.isEmpty ? action : "\(action) (\(by.joined(separator: ", ")))"
    }

    /// The chronology's sentence: who discussed the child, what was discussed and decided, and any action.
    public static func sentence(
        supervisee: String, heldBy: String, discussion: String, decision: String, action: String?, owner: String?, due: String?
    ) -> String {
        var sentence =
            "Management oversight: case discussed in supervision by \(heldBy) with \(supervisee). Discussed: \(discussion) Decided: \(decision)"
        if let action = Self.action(action, owner: owner, due: due) { sentence += " Action: \(action)." }
        return sentence
    }
}
