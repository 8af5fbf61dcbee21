/// The CIN census code lists the rules check values against, from the DfE's children in need census guide for 2025/26.
enum CINCodes {
    static let sex: Set = ["M", "F", "U"]
    static let referralSource: Set = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D",
        "6", "7", "8", "9", "10",
    ]
    static let primaryNeed: Set = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    /// RC8 is case closed after assessment, no further action; RC9 closed after assessment and referred to early help.
    static let reasonForClosure: Set = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
    static let closedAfterAssessment: Set = ["RC8", "RC9"]
    static let died = "RC2"
    static let categoryOfAbuse: Set = ["NEG", "PHY", "SAB", "EMO", "MUL"]
    static let disability: Set = ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
    static let noDisability = "NONE"
    /// 21: no factors identified.
    static let noFactors = "21"

    /// The letters a UPN's check letter (and a temporary UPN's last character) may be: A to Z without I, O and S,
    /// each standing for its place in this list (DfE, Unique Pupil Numbers).
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// A UPN's check letter, worked out from characters 2 to 13: each multiplied by its position's weight (2 for
    /// character 2 … 13 for character 13; a letter in character 13 counts as its place among the check letters),
    /// the sum divided by 23, and the remainder's letter. Nil when characters 2 to 13 are not digits and a letter.
    static func checkLetter(_ upn: [UInt8]) -> UInt8? {
        guard upn.count == 13 else { return nil }
        var sum = 0
        for position in 1..<13 {
            let byte = upn[position]
            if (48...57).contains(byte) {
                sum += Int(byte - 48) * (position + 1)
            } else if position == 12, let place = checkLetters.firstIndex(of: byte) {
                sum += place * (position + 1)
            } else {
                return nil
            }
        }
        return checkLetters[sum % 23]
    }

    /// Characters 2 to 4 of a UPN: an LA number from April 1999 on, or one of the DfE's pseudo-LA numbers (001–005,
    /// Wales 660–681, 701–708), as the school census rule 1530 lists them; with the councils formed since (Dorset and
    /// BCP 838–839, the Northamptonshires 940–941, Cumberland and Westmorland 942–943).
    static let localAuthorities: Set<String> = {
        let ranges: [ClosedRange<Int>] = [
            1...5, 201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384, 390...394,
            420...420, 660...681, 701...708, 800...803, 805...808, 810...813, 815...816, 820...823, 825...826,
            830...831, 835...841, 845...846, 850...852, 855...857, 860...861, 865...896, 908...909, 916...916,
            919...919, 921...921, 925...926, 928...929, 931...931, 933...933, 935...938, 940...943,
        ]
        return Set(ranges.flatMap { $0 }.map { number in String(String(number + 1000).dropFirst()) })
    }()
}
