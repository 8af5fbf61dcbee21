/// What the returns' and the case system's codes mean, in the words of the DfE's code lists (SSDA903 and CIN census
/// guides) and the Standard Safeguarding Dataset's, so that pages show "Full care order", not "C2". A code not in a
/// list is shown as it came, named as a code, never guessed at.
public enum CodeMeanings {
    public static func words(_ list: [String: String], _ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        return list[code] ?? list[code.uppercased()] ?? "code \(code)"
    }

    public static let sex = ["M": "Male", "1": "Male", "F": "Female", "2": "Female", "U": "Not known", "0": "Not known", "9": "Not specified"]

    public static let ethnicity = [
        "WBRI": "White – British", "WIRI": "White – Irish", "WIRT": "White – Traveller of Irish heritage",
        "WOTH": "White – any other White background", "WROM": "White – Gypsy or Roma", "MWBC": "Mixed – White and Black Caribbean",
        "MWBA": "Mixed – White and Black African", "MWAS": "Mixed – White and Asian", "MOTH": "Mixed – any other mixed background",
        "AIND": "Asian or Asian British – Indian", "APKN": "Asian or Asian British – Pakistani", "ABAN": "Asian or Asian British – Bangladeshi",
        "AOTH": "Asian or Asian British – any other Asian background", "BCRB": "Black or Black British – Caribbean",
        "BAFR": "Black or Black British – African", "BOTH": "Black or Black British – any other Black background", "CHNE": "Chinese",
        "OOTH": "Any other ethnic group", "REFU": "Refused", "NOBT": "Information not yet obtained",
    ]

    public static let need = [
        "N0": "not stated", "N1": "abuse or neglect", "N2": "the child's disability", "N3": "parental illness or disability",
        "N4": "family in acute stress", "N5": "family dysfunction", "N6": "socially unacceptable behaviour", "N7": "low income",
        "N8": "absent parenting", "N9": "cases other than children in need",
    ]

    public static let legalStatus = [
        "C1": "Interim care order", "C2": "Full care order", "D1": "Freeing order granted", "E1": "Placement order granted",
        "J1": "Remanded to local authority accommodation or youth detention", "J2": "Placed in local authority accommodation under PACE",
        "J3": "Sentenced to a youth rehabilitation order with a residence requirement", "L1": "Under police protection",
        "L2": "Emergency protection order", "L3": "Child assessment order", "V2": "Accommodated under section 20 (single period)",
        "V3": "Agreed series of short-term breaks", "V4": "Agreed series of short-term breaks, individual episodes",
    ]

    public static let placement = [
        "A3": "placed for adoption with parental consent, with their foster carer",
        "A4": "placed for adoption with parental consent, not with their foster carer",
        "A5": "placed for adoption with a placement order, with their foster carer",
        "A6": "placed for adoption with a placement order, not with their foster carer",
        "K1": "a secure children's home", "K2": "a children's home", "K3": "a children's home (K3)", "P1": "placed with their parents",
        "P2": "independent living",
        "P3": "residential employment", "R1": "a residential care home", "R2": "an NHS or health trust setting",
        "R3": "a family centre or mother and baby unit", "R5": "a young offender institution or prison", "S1": "a residential school",
        "T0": "a temporary placement", "T1": "temporarily in hospital", "T2": "a temporary holiday or respite placement",
        "T3": "temporarily away while their foster carer is on holiday", "T4": "a temporary placement (other)",
        "U1": "foster care with a relative or friend, long term", "U2": "foster care with a relative or friend, fostering for adoption",
        "U3": "foster care with a relative or friend, not long term", "U4": "foster care with another carer, long term",
        "U5": "foster care with another carer, fostering for adoption", "U6": "foster care with another carer, not long term",
        "Z1": "another placement",
    ]

    public static let placementProvider = [
        "PR0": "the parent or person with parental responsibility", "PR1": "the council's own provision",
        "PR2": "another council's provision", "PR3": "other public provision", "PR4": "a private provider", "PR5": "a voluntary provider",
    ]

    public static let reasonForNewEpisode = [
        "S": "started to be looked after", "L": "legal status changed, same placement", "P": "placement changed, same legal status",
        "T": "temporary placement changed, same legal status", "U": "legal status and temporary placement changed",
        "B": "legal status and placement changed",
    ]

    public static let reasonEpisodeCeased = [
        "X1": "a new episode began", "E11": "adopted (application unopposed)", "E12": "adopted (consent dispensed with)", "E2": "died",
        "E3": "care taken over by another council", "E4A": "returned home as part of the care plan",
        "E4B": "returned home, not as part of the care plan", "E13": "left care to live with parents or relatives, not as planned",
        "E41": "child arrangements order", "E45": "special guardianship order to former foster carers",
        "E46": "special guardianship order to others", "E47": "special guardianship order to relatives or friends (former foster carers)",
        "E48": "special guardianship order to relatives or friends (others)", "E5": "moved into independent living with support",
        "E6": "moved into independent living without support", "E7": "transferred to residential care for adults",
        "E9": "sentenced to custody", "E14": "accommodation on remand ended", "E15": "age assessment found them 18 or over",
        "E16": "went missing and did not return", "E17": "stayed with former foster carers at 18 (staying put)",
        "E8": "care ended for another reason",
    ]

    public static let reasonPlaceChange = [
        "CARPL": "a change to the care plan", "CLOSE": "the placement closed", "ALLEG": "an allegation",
        "STAND": "standards of care concerns", "APPRR": "the carer's approval was removed", "CREQB": "the carer asked (breakdown)",
        "CREQO": "the carer asked (other)", "CHILD": "the child asked", "LAREQ": "the council asked", "PLACE": "the placement ended as planned",
        "CUSTOD": "custody arrangement", "OTHER": "another reason",
    ]

    public static let reviewParticipation = [
        "PN0": "under 4 at the review", "PN1": "attended and spoke for themselves", "PN2": "attended, an advocate spoke for them",
        "PN3": "attended and gave their views another way", "PN4": "attended but did not give their views",
        "PN5": "did not attend; an advocate gave their views", "PN6": "did not attend; gave their views another way",
        "PN7": "did not attend or give their views",
    ]

    public static let abuse = ["NEG": "neglect", "PHY": "physical abuse", "EMO": "emotional abuse", "SAB": "sexual abuse", "MUL": "multiple"]

    public static let referralSource = [
        "1A": "a family member, relative or carer", "1B": "an acquaintance", "1C": "the child themselves", "1D": "another individual",
        "2A": "a school", "2B": "education services", "3A": "a GP", "3B": "a health visitor", "3C": "a school nurse",
        "3D": "other primary health services", "3E": "an emergency department", "3F": "other health services", "4": "housing",
        "5A": "the council's social care services", "5B": "other council services", "5C": "another council", "5D": "early help",
        "6": "the police", "7": "another legal agency", "8": "another source", "9": "an anonymous person", "10": "an unknown source",
    ]

    public static let reasonForClosure = [
        "RC1": "adopted", "RC2": "died", "RC3": "child arrangements order", "RC4": "special guardianship order",
        "RC5": "transferred to another council's services", "RC6": "transferred to adult social care",
        "RC7": "services ended, the child no longer in need", "RC8": "closed after assessment, no further action",
        "RC9": "closed after assessment, referred to early help",
    ]

    /// The factors identified at the end of assessment (CIN census guide): for the numbered concerns, A is about the
    /// child, B a parent or carer, C another person in the household; physical and sexual abuse are split by who
    /// abused (18B and 19B an adult, 18C and 19C another child; rules 8945Q and 8950Q query the older 18A and 19A).
    public static let assessmentFactor: [String: String] = {
        var factors: [String: String] = [
            "7A": "young carer", "9A": "unaccompanied asylum-seeking child", "10A": "going or being missing",
            "11A": "child sexual exploitation", "12A": "trafficking", "13A": "gangs", "14A": "socially unacceptable behaviour",
            "15A": "self-harm", "16A": "neglect", "17A": "emotional abuse", "18A": "physical abuse", "18B": "physical abuse by an adult",
            "18C": "physical abuse by another child", "19A": "sexual abuse", "19B": "sexual abuse by an adult",
            "19C": "sexual abuse by another child", "20": "other", "21": "no factors identified", "22A": "female genital mutilation",
            "23A": "abuse linked to faith or belief", "24A": "child criminal exploitation",
        ]
        for (number, concern) in [
            "1": "alcohol misuse", "2": "drug misuse", "3": "domestic abuse", "4": "mental health", "5": "learning disability",
            "6": "physical disability or illness",
        ] {
            factors[number + "A"] = "\(concern) (the child)"
            factors[number + "B"] = "\(concern) (a parent or carer)"
            factors[number + "C"] = "\(concern) (another person in the household)"
        }
        for code in ["8B", "8C", "8D", "8E", "8F"] { factors[code] = "privately fostered" }
        return factors
    }()

    public static let inTouch = [
        "YES": "in touch", "NO": "not in touch", "DIED": "died", "REFU": "refuses contact", "NREQ": "no longer needs support",
        "RHOM": "returned home for more than 7 nights",
    ]

    public static let activity = [
        "F1": "full-time higher education", "P1": "part-time higher education", "F2": "full-time other education",
        "P2": "part-time other education", "F4": "full-time work or apprenticeship", "P4": "part-time work or apprenticeship",
        "F5": "full-time training", "P5": "part-time training", "G4": "not in education, work or training: illness or disability",
        "G5": "not in education, work or training: pregnancy or parenting", "G6": "not in education, work or training: other reasons",
    ]

    /// A care leaver's accommodation (SSDA903 OC3): a letter for its kind, then 1 when it is suitable, 2 when not.
    public static func accommodation(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let kind = code.first.flatMap { accommodationKind[String($0)] } ?? "accommodation code \(code)"
        switch code.dropFirst() {
        case "1": return "\(kind), suitable"
        case "2": return "\(kind), not suitable"
        default: return code.count == 1 && accommodationKind[code] != nil ? kind : "accommodation code \(code)"
        }
    }

    static let accommodationKind = [
        "B": "with parents or relatives", "C": "in a community home", "D": "semi-independent, transitional accommodation",
        "E": "in supported lodgings", "G": "gone abroad", "H": "deported", "K": "in ordinary lodgings", "R": "where they live is not known",
        "S": "no fixed abode or homeless", "T": "in a foyer", "U": "living independently", "V": "in emergency accommodation",
        "W": "in bed and breakfast", "X": "in custody", "Y": "other accommodation", "Z": "with former foster carers",
    ]
}
