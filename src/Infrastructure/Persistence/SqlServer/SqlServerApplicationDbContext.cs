using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Persistence.SqlServer;

/// <summary>The SQL Server flavour of the database; its migrations live beside it.</summary>
public sealed class SqlServerApplicationDbContext(DbContextOptions<SqlServerApplicationDbContext> options) : ApplicationDbContext(options);
