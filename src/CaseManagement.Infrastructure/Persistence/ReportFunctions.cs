using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>SQL functions that reports use in LINQ queries; they run in the database only.</summary>
public static class ReportFunctions
{
    /// <summary>
    /// A small number taken from a person's id: the same id always gives the same number, so people
    /// in different buckets are certainly different people. Counting the buckets a group of rows
    /// touches gives a lower bound of the people behind it without <c>COUNT(DISTINCT …)</c>, whose
    /// sort is what made counting people expensive. Null for a null id.
    /// </summary>
    /// <remarks>
    /// PostgreSQL: six bits (0–63) of <c>uuid_hash</c>, the hash behind its hash indexes on UUIDs, which
    /// costs far less per row than taking the UUID apart. SQLite, which stores ids as text: the code of
    /// the last character (one of 16). Fewer buckets only make the second, exact count run more often.
    /// </remarks>
    public static int? PersonBucket(Guid? personId) =>
        throw new InvalidOperationException($"{nameof(PersonBucket)} runs in database queries only.");

    internal static void Register(ModelBuilder builder, bool postgres)
    {
        var method = typeof(ReportFunctions).GetMethod(nameof(PersonBucket))!;
        builder.HasDbFunction(method).HasTranslation(arguments => postgres ? HashBits(arguments[0]) : LastCharacter(arguments[0]));
    }

    private static readonly IntTypeMapping Integer = new("integer", DbType.Int32);
    private static readonly StringTypeMapping Text = new("TEXT", DbType.String);

    private static SqlBinaryExpression HashBits(SqlExpression id) =>
        new(ExpressionType.And, Function("uuid_hash", [id], typeof(int), Integer), Constant(63), typeof(int), Integer);

    private static SqlFunctionExpression LastCharacter(SqlExpression id) =>
        Function("unicode", [Function("substr", [id, Constant(36), Constant(1)], typeof(string), Text)], typeof(int), Integer);

    // Null in, null out: only the first argument (the id, or what was made of it) can be null.
    private static SqlFunctionExpression Function(string name, SqlExpression[] arguments, Type type, RelationalTypeMapping typeMapping) =>
        new(name, arguments, nullable: true, argumentsPropagateNullability: [true, .. arguments.Skip(1).Select(_ => false)], type, typeMapping);

    private static SqlConstantExpression Constant(int value) => new(value, Integer);
}
