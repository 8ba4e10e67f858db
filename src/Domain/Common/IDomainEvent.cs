namespace CleanGames.Domain.Common;

/// <summary>
/// Marks something that happened in the domain. Events are past tense, carry ids and values only,
/// and are published by the unit of work after a successful save.
/// </summary>
public interface IDomainEvent;
