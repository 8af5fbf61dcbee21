import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkStore
import WaymarkWeb

/// Makes hostile inputs from good ones: byte-level changes (flips, insertions, deletions, repeats, splices, cuts)
/// and the tokens that break each kind of file (quotes and separators, tags, entities, anchors, formula starts),
/// and a few built whole to stress a reader's limits (nesting, width, length, encodings). The same seed makes the
/// same inputs, so a failure found once can be found again.
struct Mutator {
    var random: SeededRandom
    let seeds: [Data]
    let tokens: [String]

    static let commonTokens = [
        "\"", ",", "\n", "\r\n", "\r", "\0", "\u{FEFF}", "=", "+", "-", "@", "\t", "%", "\\", "'", ";", "99999999999999999999",
        "-1", "0", "NaN", "1e308", "2026-02-30", "00/00/0000", "31/12/9999", "é", "\u{202E}", "\u{FFFF}", "🙂",
    ]
    static let xmlTokens = [
        "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;", "&#0;", "&#x110000;", "&lt;", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "<!DOCTYPE a SYSTEM \"file:///etc/passwd\">", "xmlns:a=\"b\"", "<a:b>", "</a:b>",
        "<Child>", "</Child>", "<CHILD>", "</CHILD>", "<EPISODE>", "<HEADER>",
    ]
    static let yamlTokens = [
        ":", "- ", "  ", "{", "}", "[", "]", "&a ", "*a", "!!binary ", "!!python/object ", "? ", "|", ">", "---", "...", "#", "<<: *a",
    ]
    static let formTokens = ["&", "=", "%", "%ZZ", "%00", "+", "[]", "[0]", "[a]", "csrfToken=", "username=", "a[b][c][d]="]

    mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }

    /// One input: mostly a seed changed a few times, sometimes one built to stress a limit.
    mutating func next() -> Data {
        if random.chance(0.04) { return stress() }
        var bytes = [UInt8](random.pick(seeds))
        for _ in 0..<int(1...6) { mutate(&bytes) }
        return Data(bytes)
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let count = bytes.count
        func position() -> Int { count == 0 ? 0 : int(0...count) }
        switch int(0...9) {
        case 0 where count > 0: bytes[int(0...count - 1)] ^= UInt8(1 << int(0...7))
        case 1: bytes.insert(UInt8(int(0...255)), at: position())
        case 2 where count > 1:
            let start = int(0...count - 1), end = min(count, start + int(1...64))
            bytes.removeSubrange(start..<end)
        case 3 where count > 1:
            let start = int(0...count - 1), end = min(count, start + int(1...32))
            let piece = Array(bytes[start..<end])
            bytes.insert(contentsOf: Array(repeating: piece, count: int(2...(random.chance(0.1) ? 2_000 : 20))).joined(), at: start)
        case 4 where count > 0: bytes.removeSubrange(int(0...count - 1)...)
        case 5:
            let other = [UInt8](random.pick(seeds))
            guard !other.isEmpty, count > 0 else { break }
            let from = int(0...other.count - 1)
            bytes.replaceSubrange(int(0...count - 1)..., with: other[from...])
        default:
            bytes.insert(contentsOf: Array(random.pick(tokens).utf8), at: position())
        }
    }

    /// Inputs built whole to find what a reader does at and past its limits.
    private mutating func stress() -> Data {
        let seed = random.pick(seeds)
        switch int(0...7) {
        case 0:
            let name = random.pick(["a", "Child", "CHILD", "row", "si"]), depth = random.pick([65, 1_000, 100_000])
            return Data((String(repeating: "<\(name)>", count: depth) + String(repeating: "</\(name)>", count: depth)).utf8)
        case 1: return Data(repeating: UInt8(ascii: ","), count: random.pick([1_001, 100_000]))
        case 2: return seed + Data(repeating: UInt8(ascii: "x"), count: random.pick([70_000, 2_000_000]))
        case 3: return Data(repeating: UInt8(ascii: "\n"), count: 200_000)
        case 4: return Data([0xFF, 0xFE]) + seed
        case 5: return Data((0..<int(1...4_096)).map { _ in UInt8(int(0...255)) })
        case 6: return Data([0xEF, 0xBB, 0xBF])
        default: return Data()
        }
    }
}
