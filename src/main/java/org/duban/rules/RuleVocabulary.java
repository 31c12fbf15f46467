package org.duban.rules;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What compiled rules may reference: the judging vocabulary (the fact types, the indicator kinds,
 * values of {@code java.math} and {@code java.time}, value types of {@code java.lang}, collections
 * of {@code java.util}) and the few members of Drools that the executable model's generated code
 * calls. Everything else — reflection, class loaders, method handles, processes, threads,
 * {@code System}, files, network, JNDI, scripting, the engine's runtime — is absent, and so refused.
 * Names are JVM internal names ({@code java/lang/String}).
 */
final class RuleVocabulary {

    /** Every member of these types, except the {@link #DENIED} names. */
    private static final Pattern ANY_MEMBER = Pattern.compile(String.join("|",
            "org/duban/rules/facts/[\\w$]+",
            "org/duban/catalog/IndicatorKind",
            "java/math/(BigDecimal|BigInteger|MathContext|RoundingMode)",
            // java.time, its formats, units and adjusters; not java/time/zone (global provider registry)
            "java/time/(format/|temporal/|chrono/)?[\\w$]+",
            "java/lang/(String|CharSequence|Integer|Long|Double|Float|Short|Byte|Boolean|Character|Number|Math|StrictMath"
                    + "|StringBuilder|Comparable|Iterable|Object|Enum"
                    + "|Exception|RuntimeException|IllegalArgumentException|IllegalStateException|ArithmeticException"
                    + "|NullPointerException|UnsupportedOperationException|IndexOutOfBoundsException|NumberFormatException)",
            "java/util/(Collection|List|ArrayList|LinkedList|Map|Map\\$Entry|HashMap|LinkedHashMap|TreeMap|SortedMap|NavigableMap"
                    + "|Set|HashSet|LinkedHashSet|TreeSet|SortedSet|NavigableSet|EnumMap|EnumSet|Queue|Deque|ArrayDeque"
                    + "|Iterator|ListIterator|Collections|Arrays|Objects|Comparator|Locale"
                    + "|Optional|OptionalInt|OptionalLong|OptionalDouble)",
            // the DRL operator "matches"
            "java/util/regex/(Pattern|Matcher)",
            // pure comparisons and conversions the generated constraints call
            "org/drools/modelcompiler/util/EvaluationUtil",
            // the executable model's rule-building DSL: builds rule definitions, reaches no runtime
            "org/drools/modelcompiler/dsl/pattern/D",
            "org/drools/model/(PatternDSL\\$PatternDef|Query\\dDef|Index\\$ConstraintType|Rule\\$Attribute|Rule|RuleItemBuilder"
                    + "|Model|Variable|Declaration|Global|Query|AlphaIndex|BetaIndex|Argument|DynamicValueSupplier)",
            "org/drools/model/impl/RuleBuilder",
            "org/drools/model/view/(ViewItemBuilder|ViewItem|ExprViewItem)",
            "org/drools/model/consequences/ConsequenceBuilder\\$_\\d+",
            "org/drools/model/operators/\\w+Operator",
            "org/drools/model/bitmask/AllSetButLastBitMask",
            "org/drools/model/functions/(Predicate\\d+|Function\\d+|Block\\d+|HashedExpression)",
            "org/drools/model/functions/accumulate/AccumulateFunction"));

    /** Only these members of these types. */
    private static final Map<String, Set<String>> SOME_MEMBERS = Map.of(
            // insert, update and delete facts: a consequence's whole business. Not getRuntime, getContext, halt, channels.
            "org/drools/model/Drools", Set.of("insert", "update", "delete"),
            "org/drools/model/DroolsEntryPoint", Set.of("insert", "update", "delete"),
            "org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex"),
            "org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames", "setMoreThanMaxRuleDefs"),
            // a package's rule list when it is split over several generated classes (more than 1,000 rules): lists of definitions
            "org/drools/model/RulesSupplier", Set.of("getRulesList", "getRules"),
            "org/drools/util/DateUtils", Set.of("getDateFormatMask"),
            // an enum's generated values(); copies an array, nothing more
            "java/lang/System", Set.of("arraycopy"),
            // read by the generated $deserializeLambda$; a rule cannot obtain one
            "java/lang/invoke/SerializedLambda", Set.of("getImplMethodName", "getImplMethodKind", "getFunctionalInterfaceClass",
                    "getFunctionalInterfaceMethodName", "getFunctionalInterfaceMethodSignature", "getImplClass", "getImplMethodSignature"));

    /** The built-in accumulate functions (count, sum, min, max, average…): only their constructors, passed as suppliers. */
    private static final Pattern ACCUMULATORS = Pattern.compile("org/drools/core/base/accumulators/\\w+AccumulateFunction");

    /**
     * Never, on any type: the escapes from a value to its class (and so to reflection and class
     * loaders), thread signalling, system properties read through the wrapper types
     * ({@code Integer.getInteger}), global defaults, and stack traces.
     */
    private static final Set<String> DENIED = Set.of("getClass", "getDeclaringClass", "describeConstable", "resolveConstantDesc",
            "wait", "notify", "notifyAll", "finalize", "getInteger", "getLong", "getBoolean", "setDefault",
            "printStackTrace", "getStackTrace", "setStackTrace", "fillInStackTrace", "initCause", "addSuppressed", "getSuppressed");

    /** Only the generated project model (from Duban's own module description, never from a rule) builds the module. */
    private static final Pattern PROJECT_MODEL_ONLY = Pattern.compile(
            "org/kie/api/KieServices|org/kie/api/builder/model/[\\w$]+|org/kie/api/conf/[\\w$]+|org/kie/api/runtime/conf/ClockTypeOption"
                    + "|org/kie/util/maven/support/ReleaseIdImpl|org/drools/modelcompiler/CanonicalKieModuleModel");

    static boolean allowsType(String type) {
        String element = elementType(type);
        return element.length() == 1 || ANY_MEMBER.matcher(element).matches() || SOME_MEMBERS.containsKey(element)
                || ACCUMULATORS.matcher(element).matches();
    }

    static boolean allowsMember(String owner, String name) {
        String element = elementType(owner);
        if (DENIED.contains(name)) {
            return false;
        }
        if (element.length() == 1 || ANY_MEMBER.matcher(element).matches()) {
            return true;
        }
        if (ACCUMULATORS.matcher(element).matches()) {
            return name.equals("<init>");
        }
        Set<String> some = SOME_MEMBERS.get(element);
        return some != null && some.contains(name);
    }

    static boolean allowsInProjectModel(String type) {
        return PROJECT_MODEL_ONLY.matcher(elementType(type)).matches();
    }

    /** {@code [[Ljava/lang/String;} → {@code java/lang/String}; a primitive array → its one-letter descriptor. */
    private static String elementType(String type) {
        String element = type;
        while (element.startsWith("[")) {
            element = element.substring(1);
        }
        if (element.startsWith("L") && element.endsWith(";")) {
            element = element.substring(1, element.length() - 1);
        }
        return element;
    }

    private RuleVocabulary() {
    }
}
