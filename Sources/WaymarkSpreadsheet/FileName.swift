/// File names that came from outside (an upload's name, a name kept with a record): only ever used as a base name,
/// so a name such as `../../etc/header.csv` can neither be kept as a path nor later written outside a chosen folder.
public enum FileName {
    /// The name's last part after any `/` or `\`, without control characters or leading dots; "file" when nothing is left.
    public static func base(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let base = String(printable.drop { $0 == "." || $0 == " " })
        return base.isEmpty ? "file" : base
    }

    /// True when the name is a base name already: writing it inside a folder stays inside that folder.
    public static func isBase(_ name: String) -> Bool { base(name) == name }
}
