using System.Text;

namespace CaseManagement.Documents.Tests;

/// <summary>One content line after unfolding: NAME;PARAM=VALUE:value.</summary>
internal sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue)
{
    /// <summary>The value read as TEXT (RFC 5545, 3.3.11): unescaped, strict about what must have been escaped.</summary>
    public string Text => IcsReader.UnescapeText(RawValue);
}

internal sealed class IcsComponent(string name)
{
    public string Name { get; } = name;

    public List<IcsProperty> Properties { get; } = [];

    public List<IcsComponent> Components { get; } = [];

    public IcsProperty? Find(string name) => Properties.SingleOrDefault(p => p.Name == name);

    public IcsProperty Get(string name) => Find(name) ?? throw new InvalidOperationException($"{Name} has no {name}.");
}

/// <summary>
/// A small, strict iCalendar reader for the tests: it checks the physical form (CRLF only, at most
/// 75 octets per line, every line valid UTF-8 on its own), unfolds, parses components and
/// properties and unescapes TEXT. It throws on anything RFC 5545 does not allow that it knows of.
/// </summary>
internal static class IcsReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The physical lines (without CRLF) of UTF-8 bytes, each checked on its own.</summary>
    public static IReadOnlyList<byte[]> PhysicalLines(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            throw new FormatException("The file starts with a byte-order mark.");
        }

        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                throw new FormatException($"Bare LF at byte {i}.");
            }

            if (bytes[i] != '\r')
            {
                continue;
            }

            if (i + 1 >= bytes.Length || bytes[i + 1] != '\n')
            {
                throw new FormatException($"Bare CR at byte {i}.");
            }

            lines.Add(bytes[start..i]);
            start = i + 2;
            i++;
        }

        if (start != bytes.Length)
        {
            throw new FormatException("The last line does not end with CRLF.");
        }

        foreach (var line in lines)
        {
            if (line.Length > 75)
            {
                throw new FormatException($"A line has {line.Length} octets: {Encoding.UTF8.GetString(line)}");
            }

            StrictUtf8.GetString(line); // throws when a fold split a multi-byte character
        }

        return lines;
    }

    public static IcsComponent Parse(byte[] bytes)
    {
        var unfolded = new List<string>();
        foreach (var physical in PhysicalLines(bytes))
        {
            var line = StrictUtf8.GetString(physical);
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (unfolded.Count == 0)
                {
                    throw new FormatException("The first line is a continuation line.");
                }

                unfolded[^1] += line[1..];
            }
            else
            {
                unfolded.Add(line);
            }
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in unfolded)
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.RawValue);
                if (stack.Count > 0)
                {
                    stack.Peek().Components.Add(component);
                }
                else if (root is null)
                {
                    root = component;
                }
                else
                {
                    throw new FormatException("A second top-level component.");
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || stack.Pop().Name != property.RawValue)
                {
                    throw new FormatException($"END:{property.RawValue} does not close the open component.");
                }
            }
            else
            {
                if (stack.Count == 0)
                {
                    throw new FormatException($"Property {property.Name} outside a component.");
                }

                stack.Peek().Properties.Add(property);
            }
        }

        if (root is null || stack.Count != 0)
        {
            throw new FormatException("Components are not closed.");
        }

        return root;
    }

    private static IcsProperty ParseLine(string line)
    {
        // name *(";" param) ":" value; parameter values may be quoted and then contain ':' and ';'.
        var inQuotes = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == ':' && !inQuotes)
            {
                colon = i;
            }
        }

        if (colon <= 0)
        {
            throw new FormatException($"No name and value: {line}");
        }

        var head = line[..colon].Split(';');
        var name = head[0];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new FormatException($"Bad property name: {name}");
        }

        var parameters = head.Skip(1)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Trim('"') : "", StringComparer.Ordinal);
        return new IcsProperty(name, parameters, line[(colon + 1)..]);
    }

    public static string UnescapeText(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is ',' or ';')
            {
                throw new FormatException($"Unescaped '{c}' in TEXT: {raw}");
            }

            if (char.IsControl(c) && c != '\t')
            {
                throw new FormatException($"Control character U+{(int)c:X4} in TEXT.");
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            if (++i >= raw.Length)
            {
                throw new FormatException("TEXT ends with a lone backslash.");
            }

            text.Append(raw[i] switch
            {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' or 'N' => '\n',
                _ => throw new FormatException($"Unknown escape \\{raw[i]} in TEXT."),
            });
        }

        return text.ToString();
    }
}
