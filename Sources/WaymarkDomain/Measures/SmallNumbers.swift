/// Small numbers are withheld from anyone who may not see the children behind them (partners, board members, the
/// public): a share worked out from a handful of children can point to a child. Those who may see the children see
/// every figure.
public enum SmallNumbers {
    /// The fewest children (or records) a figure shared beyond those who may see the children is worked out from.
    public static let fewestShared = 10

    /// Whether a figure worked out from `counted` things is withheld from those who may not see the children.
    public static func withheld(counted: Int) -> Bool { counted > 0 && counted < fewestShared }
}
