/// Text made safe inside HTML elements, byte by byte. Plot escapes text one Character at a time (finding grapheme
/// boundaries as it goes); on a child's page with 500 records that was a quarter of the time. Used where a page
/// writes hundreds of rows, which it writes as HTML text itself (`ChildPage`, `TrackerPage`).
package enum HTMLText {
    package static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return text }
        return escaping(text, quotes: false)
    }

    /// Text made safe inside a quoted attribute value: quotes escaped too. Every attribute a page writes goes through
    /// here (`EscapedAttributes`).
    package static func attribute(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else { return text }
        return escaping(text, quotes: true)
    }

    private static func escaping(_ text: String, quotes: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'") where quotes: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
