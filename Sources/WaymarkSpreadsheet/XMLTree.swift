import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: a small tree for reading a workbook's parts and the XML statutory returns. Names are kept
/// without their namespace prefix, since writers differ in the prefixes they use; each element knows its line.
public final class XMLElement {
    public let name: String
    public let attributes: [String: String]
    public let line: Int
    public private(set) var children: [XMLElement] = []
    /// The text directly inside the element (not its children's).
    public private(set) var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// Lets go of the tree below a loop at a time: released by recursion, a deep tree would overflow the stack.
    deinit {
        var pending = children
        children = []
        while var element = pending.popLast() {
            if isKnownUniquelyReferenced(&element) {
                pending += element.children
                element.children = []
            }
        }
    }

    public func attribute(_ localName: String) -> String? {
        attributes[localName] ?? attributes.first { $0.key.hasSuffix(":" + localName) }?.value
    }

    public func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The trimmed text of the first child with this name, or nil when there is no such child.
    public func value(_ name: String) -> String? { child(name).map(\.text.trimmed) }

    public func descendants(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = [self]
        while let element = stack.popLast() {
            if element.name == name { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }

    /// The element's text and all its descendants' text, in order (a rich-text string is several runs).
    public var allText: String {
        var result = ""
        var stack = [self]
        while let element = stack.popLast() {
            result += element.text
            stack.append(contentsOf: element.children.reversed())
        }
        return result
    }

    /// Text made safe for XML: the five special characters escaped, and control characters (which XML 1.0
    /// cannot hold at all) left out.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Why a document could not be parsed, with the line and the path of the element open there.
    public struct ParseError: Error, Sendable, Equatable {
        public var line: Int
        public var path: String
        public var reason: String
        public var kind: Kind

        public enum Kind: Sendable {
            /// libxml2 found the document not well formed.
            case notWellFormed
            /// Well formed so far, but past one of the reading limits here.
            case pastALimit
            /// Not read at all: what Foundation's parser cannot take (see `checkBeforeParsing`); the reason says it all.
            case notReadable
        }

        public init(line: Int, path: String, reason: String, kind: Kind = .notWellFormed) {
            self.line = line
            self.path = path
            self.reason = reason
            self.kind = kind
        }

        public var pastALimit: Bool { kind == .pastALimit }

        /// What went wrong, as a reader's message begins.
        public var explanation: String {
            switch kind {
            case .notWellFormed: "the XML stops being well formed here (\(reason))"
            case .pastALimit: "the file is refused here: \(reason)"
            case .notReadable: reason
            }
        }
    }

    /// The document's root element. A file cut off part-way is an error even where Foundation's parser reaches
    /// its end without one (elements still open), and so is one nested deeper than the limits allow.
    public static func parse(_ data: Data, limits: ReadLimits = .standard) throws(ParseError) -> XMLElement {
        try checkBeforeParsing(data)
        let builder = TreeBuilder(limits: limits)
        // From a stream, not from the data at once: Foundation's parser hands data of more than about 10 MB to libxml2
        // in one piece, which libxml2 refuses at the end ("internal error") though every element has closed; a CIN
        // census of 30,000 children is 22 MB.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = builder
        let parsed = parser.parse()
        if let refused = builder.refused { throw refused }
        guard parsed, builder.open.isEmpty, let root = builder.root else {
            let reason =
                parsed
                ? "the file ends before its elements are closed"
                : parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it is not well-formed XML"
            throw ParseError(line: parser.lineNumber, path: builder.path, reason: reason)
        }
        return root
    }

    /// Refuses, before Foundation's parser sees them, the files it cannot take on Linux without stopping the whole
    /// process (each found by `waymark-fuzz`): one that is not UTF-8 (an element name that is not stops it, where
    /// libxml2 lets the bytes through), and one with a processing instruction (`<?name?>` with nothing after its name
    /// stops it). No return or workbook has either; the XML declaration at the start is not one.
    public static func checkBeforeParsing(_ data: Data) throws(ParseError) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw ParseError(line: 1, path: "", reason: "the file is in UTF-16; save it as UTF-8", kind: .notReadable)
        }
        let problem: (offset: Int, reason: String)? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if String(validating: bytes, as: UTF8.self) == nil {
                var decoder = Unicode.UTF8.ForwardParser(), iterator = bytes.makeIterator(), offset = 0
                while case .valid(let scalar) = decoder.parseScalar(from: &iterator) { offset += scalar.count }
                return (offset, "the file is not UTF-8 here; save it as UTF-8")
            }
            var declarationEnds = 0
            if let start = bytes.firstIndex(where: {
                !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
            }),
                bytes[start...].starts(with: Array("<?xml".utf8)), start + 5 < bytes.count,
                [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5])
            {
                // A declaration has its version after a space: `<?xml?>` is an instruction named xml, and is refused.
                declarationEnds = start + 5
            }
            var index = declarationEnds
            while index < bytes.count - 1 {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") {
                    return (index, "the file holds a processing instruction (<?…?>), which no return or workbook has")
                }
                index += 1
            }
            return nil
        }
        guard let problem else { return }
        let line = data.prefix(problem.offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        throw ParseError(line: line, path: "", reason: problem.reason, kind: .notReadable)
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let limits: ReadLimits
        var root: XMLElement?
        var open: [XMLElement] = []
        /// Why the parse was stopped part-way: past a limit.
        var refused: ParseError?

        init(limits: ReadLimits) { self.limits = limits }

        /// The open elements, each below the root with its position among same-named siblings:
        /// `Message/Children[1]/Child[12]/CINdetails[1]`.
        var path: String {
            var parts: [String] = []
            for (depth, element) in open.enumerated() {
                let siblings = depth == 0 ? [element] : open[depth - 1].children.filter { $0.name == element.name }
                let position = siblings.firstIndex { $0 === element }.map { $0 + 1 } ?? 1
                parts.append(depth == 0 ? element.name : "\(element.name)[\(position)]")
            }
            return parts.joined(separator: "/")
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard open.count < limits.xmlDepth else {
                refused = ParseError(
                    line: parser.lineNumber, path: path,
                    reason: "elements are nested more than \(limits.xmlDepth) deep, far deeper than any return or workbook",
                    kind: .pastALimit)
                parser.abortParsing()
                return
            }
            let element = XMLElement(name: String(elementName.split(separator: ":").last ?? ""), attributes: attributes, line: parser.lineNumber)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let element = open.last, refused == nil else { return }
            guard element.text.utf8.count + string.utf8.count <= limits.valueBytes else {
                refused = ParseError(
                    line: parser.lineNumber, path: path, reason: "an element holds more than \(limits.valueBytes) bytes of text",
                    kind: .pastALimit)
                parser.abortParsing()
                return
            }
            element.text += string
        }
    }
}
