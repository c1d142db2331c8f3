using System.Globalization;
using System.Text;

namespace CaseManagement.Documents.Pdf;

/// <summary>
/// Word wrapping for PDFsharp, which draws single lines only. Lines break at spaces; a word wider
/// than the line is broken between characters (never inside a surrogate pair or combining sequence).
/// Line breaks in the text start a new line; several blank lines collapse into one.
/// </summary>
internal static class TextWrapper
{
    /// <summary>Wraps <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>.</summary>
    /// <param name="text">Any text; <c>null</c> or blank gives no lines.</param>
    /// <param name="maxWidth">Available width in the unit of <paramref name="measure"/>.</param>
    /// <param name="measure">Width of a string without line breaks (additive: no kerning across words).</param>
    public static List<string> Wrap(string? text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return lines;
        }

        var spaceWidth = measure(" ");
        var current = new StringBuilder();
        foreach (var paragraph in normalized.Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add(string.Empty);
                continue;
            }

            current.Clear();
            var width = 0d;
            foreach (var word in words)
            {
                var wordWidth = measure(word);
                if (current.Length > 0 && width + spaceWidth + wordWidth <= maxWidth)
                {
                    current.Append(' ').Append(word);
                    width += spaceWidth + wordWidth;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    width = 0;
                }

                if (wordWidth <= maxWidth)
                {
                    current.Append(word);
                    width = wordWidth;
                    continue;
                }

                var pieces = BreakWord(word, maxWidth, measure);
                for (var i = 0; i < pieces.Count - 1; i++)
                {
                    lines.Add(pieces[i]);
                }

                current.Append(pieces[^1]);
                width = measure(pieces[^1]);
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
            }
        }

        return lines;
    }

    /// <summary>
    /// Line breaks become '\n', tabs and other white space become spaces, other control characters
    /// are dropped; leading and trailing blank lines are removed and blank runs collapse to one.
    /// </summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\u2028' or '\u2029' or '\u0085')
            {
                builder.Append('\n');
            }
            else if (c == '\u00AD' || (char.IsControl(c) && !char.IsWhiteSpace(c)))
            {
                // soft hyphen and control characters: nothing to print
            }
            else if (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        var paragraphs = builder.ToString().Split('\n').Select(p => p.Trim(' ')).ToList();
        var kept = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(paragraph);
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }

    private static List<string> BreakWord(string word, double maxWidth, Func<string, double> measure)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var width = 0d;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementWidth = measure(element);
            if (piece.Length > 0 && width + elementWidth > maxWidth)
            {
                pieces.Add(piece.ToString());
                piece.Clear();
                width = 0;
            }

            piece.Append(element);
            width += elementWidth;
        }

        pieces.Add(piece.ToString());
        return pieces;
    }
}
