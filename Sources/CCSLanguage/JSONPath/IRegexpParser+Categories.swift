extension IRegexpParser {
    /// IsCategory (RFC 9485 §3): a one-letter major class or a two-letter general category.
    static func categories(_ name: String) -> Set<Unicode.GeneralCategory>? {
        switch name {
        case "L":
            return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "Lu": return [.uppercaseLetter]
        case "Ll": return [.lowercaseLetter]
        case "Lt": return [.titlecaseLetter]
        case "Lm": return [.modifierLetter]
        case "Lo": return [.otherLetter]
        case "M": return [.nonspacingMark, .spacingMark, .enclosingMark]
        case "Mn": return [.nonspacingMark]
        case "Mc": return [.spacingMark]
        case "Me": return [.enclosingMark]
        case "N": return [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd": return [.decimalNumber]
        case "Nl": return [.letterNumber]
        case "No": return [.otherNumber]
        case "P":
            return [
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation,
            ]
        case "Pc": return [.connectorPunctuation]
        case "Pd": return [.dashPunctuation]
        case "Ps": return [.openPunctuation]
        case "Pe": return [.closePunctuation]
        case "Pi": return [.initialPunctuation]
        case "Pf": return [.finalPunctuation]
        case "Po": return [.otherPunctuation]
        case "Z": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs": return [.spaceSeparator]
        case "Zl": return [.lineSeparator]
        case "Zp": return [.paragraphSeparator]
        case "S": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Sm": return [.mathSymbol]
        case "Sc": return [.currencySymbol]
        case "Sk": return [.modifierSymbol]
        case "So": return [.otherSymbol]
        case "C": return [.control, .format, .surrogate, .privateUse, .unassigned]
        case "Cc": return [.control]
        case "Cf": return [.format]
        case "Cn": return [.unassigned]
        case "Co": return [.privateUse]
        default: return nil
        }
    }
}
