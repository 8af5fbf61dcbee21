/// The SSDA903 code lists the rules check values against, from the DfE's children looked after guidance
/// (2024/25 onwards).
enum SSDA903Codes {
    /// From 2024/25 the return records sex, not gender: M, F, or U where it is not known.
    static let sex: Set = ["M", "F", "U"]
    static let ethnicity: Set = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
    static let yesNo: Set = ["0", "1"]
    static let reasonForNewEpisode: Set = ["P", "L", "T", "U", "B", "S"]
    static let legalStatus: Set = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"]
    static let categoryOfNeed: Set = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    /// H5, P2 and Z1 went with the 2024/25 changes to supported accommodation and other placements; K3, a children's
    /// home, came with them.
    static let placement: Set = [
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6",
    ]
    static let temporaryPlacements: Set = ["T0", "T1", "T2", "T3", "T4"]
    static let fosterPlacements: Set = ["U1", "U2", "U3", "U4", "U5", "U6"]
    /// Placed for adoption: with consent (A3 with the current foster carers, A4 not) or with a placement order (A5 with
    /// the current foster carers, A6 not).
    static let adoptionPlacements: Set = ["A3", "A4", "A5", "A6"]
    static let withCurrentFosterCarers: Set = ["A3", "A5"]
    /// Adopted: the application unopposed (E11), or consent dispensed with by the court (E12).
    static let adopted: Set = ["E11", "E12"]
    static let placementProvider: Set = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    static let reasonEpisodeCeased: Set = [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6",
        "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1",
    ]
    static let reasonForPlacementChange: Set = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE",
        "CUSTOD", "OTHER",
    ]
    static let reviewParticipation: Set = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    static let sdqReason: Set = ["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]
    static let inTouch: Set = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    static let activity: Set = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"]
    /// A letter for the kind of accommodation and 1 (suitable) or 2 (not suitable).
    static let accommodation: Set<String> = Set(
        ["B", "C", "D", "E", "G", "H", "K", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"]
            .flatMap { [$0 + "1", $0 + "2"] })
    static let numberOfAdopters: Set = ["1", "2"]
    static let sexOfAdopters: Set = ["M1", "F1", "MM", "FF", "MF"]
    static let legalStatusOfAdopters: Set = ["L0", "L11", "L12", "L2", "L3", "L4"]
    static let reasonPlacedCeased: Set = ["RD1", "RD2", "RD3", "RD4"]
    static let previousPermanence: Set = ["P1", "P2", "P3", "P4", "Z1"]
    static let missing: Set = ["M", "A"]
    /// UPN unknown: UN1 not yet allocated … UN5 sought but not yet received.
    static let unknownUPN: Set = ["UN1", "UN2", "UN3", "UN4", "UN5"]

    /// A Unique Pupil Number: a check letter, 11 digits, and a last digit or letter (DfE, Unique Pupil Numbers). The
    /// letters I, O and S are never used, being too like 1, 0 and 5.
    static func isUPN(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 13 else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) && !"IOS".utf8.contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        return isLetter(bytes[0]) && bytes[1...11].allSatisfy(isDigit) && (isDigit(bytes[12]) || isLetter(bytes[12]))
    }
}
