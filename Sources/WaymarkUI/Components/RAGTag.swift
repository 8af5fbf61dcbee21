import WaymarkDomain

/// A RAG as a tag: always a word as well as a colour, so it reads without colour (WCAG 1.4.1). The plan's pages and
/// the measures' judgements both show it.
public enum RAGTag {
    public static func of(_ rag: RAG?) -> Node<HTML.BodyContext> {
        guard let rag else { return .span(.class("tag tag--none"), .text("Not rated")) }
        return .span(.class("tag tag--\(rag.rawValue)"), .text(rag.displayName))
    }
}
