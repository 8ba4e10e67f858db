using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Persistence.SqlServer;

/// <summary>The SQL Server flavour of the database; its migrations live beside it.</summary>
internal sealed class SqlServerApplicationDbContext(DbContextOptions<SqlServerApplicationDbContext> options) : ApplicationDbContext(options);
