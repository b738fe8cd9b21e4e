using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>
/// Runs the ledger's statements (constants of this assembly; every value a parameter) and reads columns the same way
/// from both providers: SQLite hands back 64-bit integers where PostgreSQL has 32-bit ones.
/// </summary>
internal static class Sql
{
    [SuppressMessage("Security", "CA2100", Justification = "Only the ledger's constant statements reach here; values are parameters.")]
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Count(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public static List<T> Query<T>(
        DbConnection connection, DbTransaction? transaction, string text, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    public static string Text(DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? OptionalText(DbDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));

    public static long Long(DbDataReader reader, string column) =>
        Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader reader, string column) =>
        Convert.ToInt32(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static double Double(DbDataReader reader, string column) =>
        Convert.ToDouble(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static DateOnly Date(DbDataReader reader, string column) => ParseDate(Text(reader, column));

    public static DateOnly? OptionalDate(DbDataReader reader, string column) =>
        OptionalText(reader, column) is { } text ? ParseDate(text) : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
