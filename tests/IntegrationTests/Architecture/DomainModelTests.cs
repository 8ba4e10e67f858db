using System.Collections;
using System.Collections.ObjectModel;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using CleanGames.Domain.Common;
using CleanGames.Infrastructure.Persistence;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>
/// Entities and aggregates change only through their methods: every type deriving
/// <see cref="Entity{TId}"/> and every domain type the database maps (owned parts such as a game's
/// players and votes, the Kitchen catalogue rows) exposes no public setter (an <c>init</c> accessor,
/// usable only while constructing, is allowed) and no public collection that a caller could cast back
/// to the mutable list, dictionary or array behind it.
/// </summary>
public sealed class DomainModelTests
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;

    public static TheoryData<string> ModelTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in EntityTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_model_types_include_aggregates_entities_and_owned_parts()
    {
        var names = EntityTypes().Select(t => t.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "Account", "RefreshTokenFamily", "TelegramIdentity", "Game", "GamePlayer", "Vote", "Lobby", "LobbyMember", "KitchenSession", "UpgradeDefinition", "RankDefinition" }, names);
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void An_entity_has_no_public_setter(string typeName)
    {
        var type = ModelType(typeName);
        var setters = type.GetProperties(Public)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name)
            .Concat(type.GetFields(Public).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => f.Name))
            .ToList();
        Assert.True(setters.Count == 0, $"{type.Name} can be changed from outside through: {string.Join(", ", setters)}");
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void An_entity_exposes_no_collection_that_casts_back_to_its_mutable_state(string typeName)
    {
        var type = ModelType(typeName);
        var instance = CreateThroughPrivateConstructor(type);
        var leaks = new List<string>();
        foreach (var property in type.GetProperties(Public).Where(p => p.GetIndexParameters().Length == 0 && IsCollection(p.PropertyType)))
        {
            if (IsMutable(property.PropertyType))
            {
                leaks.Add($"{property.Name} is typed {property.PropertyType.Name}");
            }
            else if (ReturnsFieldAsIs(property) is { } field && IsMutable(field.FieldType))
            {
                leaks.Add($"{property.Name} returns the field {field.Name} ({field.FieldType.Name}) itself");
            }
            else if (instance is not null && ValueOf(property, instance) is { } value && ReferenceEquals(value, ValueOf(property, instance)) && IsMutableValue(value))
            {
                leaks.Add($"{property.Name} returns the same {value.GetType().Name} on every read");
            }
        }

        Assert.True(leaks.Count == 0, $"{type.Name} exposes mutable state: {string.Join("; ", leaks)}");
    }

    /// <summary>Domain types deriving Entity&lt;&gt;, plus every domain type the EF model maps (owned types included).</summary>
    private static IEnumerable<Type> EntityTypes()
    {
        var domain = typeof(Entity<>).Assembly;
        var derived = domain.GetTypes().Where(t => !t.IsAbstract && DerivesFromEntity(t));
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);
        var mapped = context.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == domain);
        return derived.Concat(mapped).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }

    private static Type ModelType(string fullName) => typeof(Entity<>).Assembly.GetType(fullName, throwOnError: true)!;

    private static bool DerivesFromEntity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Entity<>))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>A type whose instances can be changed through a collection interface (arrays can always have their elements replaced).</summary>
    private static bool IsMutable(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (IsReadOnlyWrapper(type) || type.IsInterface && !ImplementsMutableInterface(type))
        {
            return false;
        }

        return ImplementsMutableInterface(type);
    }

    private static bool ImplementsMutableInterface(Type type) =>
        type.GetInterfaces().Append(type).Any(i =>
            i == typeof(IList) || i == typeof(IDictionary)
            || (i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IList<>)
                                    || i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(ISet<>))));

    private static bool IsReadOnlyWrapper(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return definition == typeof(ReadOnlyCollection<>) || definition == typeof(ReadOnlyDictionary<,>) || definition == typeof(ReadOnlySet<>)
               || definition.Namespace is "System.Collections.Immutable" or "System.Collections.Frozen";
    }

    private static bool IsMutableValue(object value) => value switch
    {
        // An empty array (Array.Empty is one shared instance) holds nothing to change.
        Array array => array.Length > 0,
        IList list => !list.IsReadOnly,
        IDictionary dictionary => !dictionary.IsReadOnly,
        _ => IsMutable(value.GetType()),
    };

    /// <summary>The field a getter returns unchanged (<c>=> _items</c>, or an auto-property's backing field): <c>ldarg.0; ldfld; ret</c>.</summary>
    private static FieldInfo? ReturnsFieldAsIs(PropertyInfo property)
    {
        var getter = property.GetMethod;
        var il = getter?.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return null;
        }

        var at = SkipNops(il, 0);
        if (at >= il.Length || il[at] != OpCodes.Ldarg_0.Value)
        {
            return null;
        }

        at = SkipNops(il, at + 1);
        if (at + 5 > il.Length || il[at] != OpCodes.Ldfld.Value)
        {
            return null;
        }

        var token = BitConverter.ToInt32(il, at + 1);
        at = SkipNops(il, at + 5);
        if (at != il.Length - 1 || il[at] != OpCodes.Ret.Value)
        {
            return null;
        }

        return getter!.Module.ResolveField(token, property.DeclaringType!.GetGenericArguments(), null);
    }

    private static int SkipNops(byte[] il, int at)
    {
        while (at < il.Length && il[at] == OpCodes.Nop.Value)
        {
            at++;
        }

        return at;
    }

    private static object? ValueOf(PropertyInfo property, object instance)
    {
        try
        {
            return property.GetValue(instance);
        }
        catch (TargetInvocationException)
        {
            // A derived view over state the bare instance lacks; the IL check above still covers it.
            return null;
        }
    }

    /// <summary>An instance from the parameterless constructor EF uses, so field initialisers have run; null when there is none.</summary>
    private static object? CreateThroughPrivateConstructor(Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)?.Invoke(null);
}
