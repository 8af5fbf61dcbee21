extension Double {
    /// The number written as a whole number, when it is one and fits one ("12" for 12.0); nil otherwise. Turned into
    /// an `Int` without the check, a value such as 1e300, which anyone entering measures can type, stops the process.
    public var wholeNumberText: String? {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : nil
    }
}
